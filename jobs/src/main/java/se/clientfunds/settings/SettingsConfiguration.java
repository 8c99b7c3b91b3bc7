package se.clientfunds.settings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.calendar.SwedishBankingCalendar;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SettlementProperties.class)
class SettingsConfiguration {

    @Bean
    SettlementHome settlementHome(SettlementProperties properties) {
        return new SettlementHome(properties.home()).createFolders();
    }

    @Bean
    BankingCalendar bankingCalendar() {
        return new SwedishBankingCalendar();
    }
}
