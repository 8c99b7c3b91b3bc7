package se.clientfunds.app.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's language: English, Swedish or German labels from {@code console-messages*.properties}, chosen with
 * {@code ?lang=en}, {@code sv} or {@code de} and remembered in a cookie for a year; the browser's language until then.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleLanguage implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("settlement-language");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Strict");
        resolver.setDefaultLocaleFunction(request -> request.getLocale() != null
                && java.util.Set.of("sv", "de").contains(request.getLocale().getLanguage())
                ? Locale.forLanguageTag(request.getLocale().getLanguage()) : Locale.ENGLISH);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/console/**", "/login");
    }
}
