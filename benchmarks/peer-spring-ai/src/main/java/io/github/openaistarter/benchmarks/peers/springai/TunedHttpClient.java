package io.github.openaistarter.benchmarks.peers.springai;

import java.time.Duration;

import io.github.openaistarter.benchmarks.VirtualThreads;

import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring AI tuned for many calls in flight, through the {@code OpenAiHttpClientBuilderCustomizer} bean that its
 * auto-configuration applies to the OkHttp client under the chat model (Spring AI's Javadoc of the customizer: "swap
 * the dispatcher executor, or tweak any other OkHttp setting"). The same settings as the tuned openai-java: 1,000
 * idle connections kept for 5 minutes instead of OkHttp's 5, and the dispatcher's threads virtual when the JVM has
 * them. The dispatcher's in-flight limits only cap asynchronous calls (Spring AI's streams), which the load measure
 * does not make.
 */
@Configuration(proxyBeanMethods = false)
class TunedHttpClient {

	static final int MAX_IDLE_CONNECTIONS = 1000;

	@Bean
	OpenAiHttpClientBuilderCustomizer benchmarkPool() {
		return (builder) -> builder.maxIdleConnections(MAX_IDLE_CONNECTIONS)
			.keepAliveDuration(Duration.ofMinutes(5))
			.dispatcherExecutorService(VirtualThreads.perTaskExecutor());
	}

}
