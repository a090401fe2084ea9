package com.example.sample;

import io.github.betterauthjava.jwt.BetterAuthUser;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The README's Spring quick start, as a whole application: the dependency, and a controller. */
@SpringBootApplication
@RestController
public class SampleApplication {

    @GetMapping("/api/me")
    BetterAuthUser me(@AuthenticationPrincipal BetterAuthUser user) {
        return user;
    }

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
