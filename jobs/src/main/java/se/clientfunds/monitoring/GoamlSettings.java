package se.clientfunds.monitoring;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How goAML filings are made ({@code settlement.goaml}): the reporting entity as the FIU registered it, the person who
 * answers for the reports, the FIU's schema and code lists (they come from its portal, so they are configuration), and
 * the bank holding the client-funds accounts (the receiving side of every transaction reported).
 *
 * @param schema          the FIU's goAMLSchema.xsd: every filing validates against it before it is written
 * @param rentityId       the reporting entity's id at the FIU
 * @param rentityBranch   the branch reporting
 * @param reportCode      the report type (STR)
 * @param submissionCode  how it is submitted (E: electronically)
 * @param localCurrency   the currency amounts are reported in
 * @param fundsCode       the funds-type code of a bank transfer, from the FIU's code list
 * @param transmodeCode   the conduction code of a bank transfer, from the FIU's code list
 * @param indicators      the report indicators, from the FIU's code list
 */
@ConfigurationProperties("settlement.goaml")
public record GoamlSettings(Path schema, Integer rentityId, String rentityBranch, @DefaultValue("STR") String reportCode,
                            @DefaultValue("E") String submissionCode, @DefaultValue("SEK") String localCurrency,
                            @DefaultValue("-") String fundsCode, @DefaultValue("-") String transmodeCode,
                            @DefaultValue("-") List<String> indicators, @DefaultValue ReportingPerson reportingPerson,
                            @DefaultValue Location location, @DefaultValue Institution bank, @DefaultValue Entity entity) {

    /** The person at the reporting entity who answers for the reports. */
    public record ReportingPerson(String firstName, String lastName, String email, String phoneCountryPrefix, String phoneNumber) {
    }

    /** The reporting entity's address. */
    public record Location(String address, String city, String zip, @DefaultValue("SE") String countryCode) {
    }

    /** The bank holding the client-funds accounts. */
    public record Institution(String name, String swift) {
    }

    /** The reporting entity as the account holder of the client-funds accounts. */
    public record Entity(String name, String organisationNumber) {
    }

    /** The first setting a filing needs that is missing, as its key, or null when none is. */
    public String missing() {
        if (schema == null) {
            return "settlement.goaml.schema";
        }
        if (rentityId == null || rentityId < 1) {
            return "settlement.goaml.rentity-id";
        }
        String[][] required = {{rentityBranch, "rentity-branch"}, {reportingPerson.firstName(), "reporting-person.first-name"},
                {reportingPerson.lastName(), "reporting-person.last-name"}, {location.address(), "location.address"},
                {location.city(), "location.city"}, {bank.name(), "bank.name"}, {bank.swift(), "bank.swift"},
                {entity.name(), "entity.name"}};
        if (reportingPerson.phoneNumber() != null && !reportingPerson.phoneNumber().isBlank()
                && (reportingPerson.phoneCountryPrefix() == null || reportingPerson.phoneCountryPrefix().isBlank())) {
            return "settlement.goaml.reporting-person.phone-country-prefix";
        }
        for (String[] value : required) {
            if (value[0] == null || value[0].isBlank()) {
                return "settlement.goaml." + value[1];
            }
        }
        return null;
    }
}
