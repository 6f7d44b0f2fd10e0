package org.hemonet.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Locale: British English by default, American English as the second locale, chosen by the browser's
 * {@code Accept-Language} or by {@code ?lang=en-US} (kept in a cookie).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale BRITISH = Locale.UK;
    static final Locale AMERICAN = Locale.US;

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("HEMONET_LOCALE");
        resolver.setDefaultLocaleFunction(request -> {
            Locale requested = request.getLocale();
            return AMERICAN.equals(requested) ? AMERICAN : BRITISH;
        });
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * No URL rewriting of the links in pages. The webjars locator turns Spring's resource chain on, and with it a filter
     * that passes every link a page writes ({@code @{...}}: 300 patient links on a centre's attention list) through
     * the static resource resolvers, each a miss looked up in four classpath folders of the packaged jar: half of the
     * attention page's time at national scale (issue 14, measured with JFR). The chain has no version strategy, so
     * the filter rewrote nothing; version-less webjar paths ({@code /webjars/chart.js/dist/...}) are still resolved
     * when they are requested.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    static List<Locale> supportedLocales() {
        return List.of(BRITISH, AMERICAN);
    }
}
