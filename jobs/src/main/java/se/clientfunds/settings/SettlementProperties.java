package se.clientfunds.settings;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings that matter to an operator, under {@code settlement.*}.
 *
 * @param home     the folder holding inbox, archive, quarantine, reports, outbox, filings and the embedded database
 * @param accounts the client-funds bank accounts of the platform
 * @param extracts how platform extracts are imported
 */
@ConfigurationProperties("settlement")
public record SettlementProperties(
        @DefaultValue("data") Path home,
        List<ClientFundsAccount> accounts,
        @DefaultValue Extracts extracts) {

    public SettlementProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /** @param chunkSize rows written per transaction when loading an extract */
    public record Extracts(@DefaultValue("5000") int chunkSize) {

        public Extracts {
            if (chunkSize < 1) {
                throw new IllegalArgumentException("settlement.extracts.chunk-size must be at least 1, is " + chunkSize);
            }
        }
    }
}
