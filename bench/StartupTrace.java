import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.llmtutor.userservice.UserServiceApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Where the start-up goes: runs the service once with Spring's BufferingApplicationStartup, stops it as soon as it is
 * ready, and prints the phases, the beans that cost most to create (their own time, without the beans they pulled in)
 * and the time per feature. Used by bench/startup_breakdown.sh, which puts the service's classpath on this
 * single-file program; the arguments are the service's own (--server.port=...).
 */
public class StartupTrace {

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainStart = System.currentTimeMillis();
        BufferingApplicationStartup startup = new BufferingApplicationStartup(50_000);
        SpringApplication application = new SpringApplication(UserServiceApplication.class);
        application.setApplicationStartup(startup);
        // The application's class, not this one, names the generated initializer in AOT mode (-Dspring.aot.enabled).
        application.setMainApplicationClass(UserServiceApplication.class);
        ConfigurableApplicationContext context = application.run(args);
        long ready = System.currentTimeMillis();
        List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        context.close();

        Map<Long, TimelineEvent> byId = new HashMap<>();
        Map<Long, Long> childTime = new HashMap<>();
        for (TimelineEvent event : events) {
            byId.put(event.getStartupStep().getId(), event);
        }
        for (TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                childTime.merge(parent, event.getDuration().toMillis(), Long::sum);
            }
        }
        System.out.printf("%nJVM start to main(): %d ms; main() to ready: %d ms; classes loaded: %d%n",
                mainStart - jvmStart, ready - mainStart,
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());

        System.out.println("\nphases (ms):");
        for (TimelineEvent event : events) {
            String name = event.getStartupStep().getName();
            if (event.getStartupStep().getParentId() == null
                    || name.startsWith("spring.boot.application.")
                    || name.equals("spring.context.refresh")) {
                System.out.printf("  %6d  %s%n", event.getDuration().toMillis(), name);
            }
        }

        record Cost(String what, long self, long total) {}
        List<Cost> beans = new ArrayList<>();
        Map<String, Long> byFeature = new HashMap<>();
        long beanSelfTotal = 0;
        for (TimelineEvent event : events) {
            StartupStep step = event.getStartupStep();
            long total = event.getDuration().toMillis();
            long self = total - childTime.getOrDefault(step.getId(), 0L);
            if (step.getName().equals("spring.beans.instantiate")) {
                String bean = tag(step, "beanName");
                beans.add(new Cost(bean, self, total));
                beanSelfTotal += self;
                byFeature.merge(feature(bean, tag(step, "beanType")), self, Long::sum);
            } else if (!step.getName().startsWith("spring.boot.application.")
                    && !step.getName().equals("spring.context.refresh")) {
                byFeature.merge(step.getName(), self, Long::sum);
            }
        }
        System.out.printf("%nbean creation, own time: %d ms in %d beans; the 15 most costly (own / with dependencies, ms):%n",
                beanSelfTotal, beans.size());
        beans.stream()
                .sorted(Comparator.comparingLong(Cost::self).reversed())
                .limit(15)
                .forEach(c -> System.out.printf("  %6d %6d  %s%n", c.self(), c.total(), c.what()));
        System.out.println("\nown time by feature and step (ms):");
        byFeature.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 5)
                .forEach(e -> System.out.printf("  %6d  %s%n", e.getValue(), e.getKey()));
        String pattern = System.getenv("STARTUP_BEANS");
        if (pattern != null && !pattern.isBlank()) {
            System.out.printf("%nbeans matching %s, each with the beans whose creation asked for it:%n", pattern);
            java.util.regex.Pattern wanted = java.util.regex.Pattern.compile(pattern);
            for (TimelineEvent event : events) {
                StartupStep step = event.getStartupStep();
                String bean = tag(step, "beanName");
                if (step.getName().equals("spring.beans.instantiate")
                        && (wanted.matcher(bean).find() || wanted.matcher(tag(step, "beanType")).find())) {
                    StringBuilder chain = new StringBuilder(bean);
                    for (Long parent = step.getParentId(); parent != null && byId.containsKey(parent); ) {
                        StartupStep up = byId.get(parent).getStartupStep();
                        if (up.getName().equals("spring.beans.instantiate")) {
                            chain.append(" <- ").append(tag(up, "beanName"));
                        }
                        parent = up.getParentId();
                    }
                    System.out.printf("  %6d  %s%n", event.getDuration().toMillis(), chain);
                }
            }
        }
        System.exit(0);
    }

    private static String tag(StartupStep step, String key) {
        for (StartupStep.Tag tag : step.getTags()) {
            if (tag.getKey().equals(key)) {
                return tag.getValue();
            }
        }
        return "";
    }

    /** A coarse owner of a bean, by its name and type. */
    private static String feature(String bean, String type) {
        String s = (bean + " " + type).toLowerCase();
        if (s.contains("flyway")) return "beans: Flyway (migrate/validate)";
        if (s.contains("entitymanager") || s.contains("hibernate") || s.contains("jpa") || s.contains("repository")
                || s.contains("org.springframework.data."))
            return "beans: Spring Data (JPA or JDBC) / repositories";
        if (s.contains("datasource") || s.contains("hikari") || s.contains("jdbc")) return "beans: DataSource / JDBC";
        if (s.contains("tomcat") || s.contains("webserver") || s.contains("servlet")) return "beans: Tomcat / servlet";
        if (s.contains("security") || s.contains("filterchain")) return "beans: Spring Security";
        if (s.contains("springdoc") || s.contains("openapi") || s.contains("swagger")) return "beans: springdoc";
        if (s.contains("actuator") || s.contains("endpoint") || s.contains("metrics") || s.contains("micrometer")
                || s.contains("health") || s.contains("prometheus")) return "beans: actuator / metrics";
        if (s.contains("org.llmtutor")) return "beans: the service's own";
        if (s.contains("mvc") || s.contains("handler") || s.contains("jackson") || s.contains("json"))
            return "beans: Spring MVC / Jackson";
        return "beans: other";
    }
}
