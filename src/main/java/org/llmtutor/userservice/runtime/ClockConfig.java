package org.llmtutor.userservice.runtime;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfig {

    /** Every time decision (token expiry, lockouts, timestamps) reads this clock, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
