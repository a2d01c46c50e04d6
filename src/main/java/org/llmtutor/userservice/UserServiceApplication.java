package org.llmtutor.userservice;

import java.util.Arrays;
import org.llmtutor.userservice.admin.AdminCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
// shared is the kernel: every module may use it without listing it in its allowedDependencies.
@Modulithic(sharedModules = "shared")
@ConfigurationPropertiesScan
@EnableScheduling
public class UserServiceApplication {

    public static void main(String[] args) {
        if (args.length > 0 && AdminCli.COMMAND.equals(args[0])) {
            System.exit(AdminCli.runAsProcess(Arrays.copyOfRange(args, 1, args.length), UserServiceApplication.class));
        }
        SpringApplication.run(UserServiceApplication.class, args);
    }
}
