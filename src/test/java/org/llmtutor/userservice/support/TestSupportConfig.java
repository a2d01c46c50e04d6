package org.llmtutor.userservice.support;

import org.llmtutor.userservice.auth.login.LoginProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfig {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    @Primary
    CountingPasswordEncoder countingPasswordEncoder(LoginProperties login) {
        return new CountingPasswordEncoder(login.bcryptStrength());
    }

    /** An endpoint that fails the way a bug would, with SQL in the exception message (found by component scan). */
    @RestController
    static class FailingController {

        @GetMapping("/test/failure")
        String fail() {
            throw new IllegalStateException("ERROR: relation \"users\" SELECT * FROM users WHERE password = 'x'");
        }

        record Echo(String name, Integer count) {}

        /** A JSON endpoint to exercise body parsing errors independently of any feature. */
        @PostMapping("/test/echo")
        Echo echo(@RequestBody Echo body) {
            return body;
        }
    }
}
