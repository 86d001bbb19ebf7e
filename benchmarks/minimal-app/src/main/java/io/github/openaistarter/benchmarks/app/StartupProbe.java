package io.github.openaistarter.benchmarks.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A minimal Spring Boot application that starts, reports how long its context took, and stops. Run on the
 * classpath of Spring Boot's WebClient starter alone, then with the OpenAI starter added, it shows what the
 * starter costs at startup; with Spring AI's or LangChain4j's added, what they cost. Its arguments are passed on to
 * the application (the peers' keys). Prints one line: {@code STARTUP run_ms=.. jvm_ms=.. beans=..}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StartupProbe {

	public static void main(String[] args) {
		long start = System.nanoTime();
		SpringApplication application = new SpringApplication(StartupProbe.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
		// the starter refuses to start without a key for api.openai.com; a baseline app ignores it
		List<String> arguments = new ArrayList<>(List.of("--openai.api-key=sk-startup-probe", "--logging.level.root=warn"));
		arguments.addAll(List.of(args));
		try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
			long runMs = (System.nanoTime() - start) / 1_000_000;
			long jvmMs = ManagementFactory.getRuntimeMXBean().getUptime();
			System.out.println("STARTUP run_ms=" + runMs + " jvm_ms=" + jvmMs + " beans="
					+ context.getBeanDefinitionCount());
		}
	}

}
