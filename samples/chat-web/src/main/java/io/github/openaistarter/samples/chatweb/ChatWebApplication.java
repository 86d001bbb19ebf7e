package io.github.openaistarter.samples.chatweb;

import java.util.HashMap;
import java.util.Map;

import io.github.openaistarter.test.OpenAiFakeServer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A small web app on the starter, at http://localhost:8080: a chat page whose answers
 * stream in token by token, showing the {@link DemoTools tools} the model calls on the
 * way, with a panel that extracts a {@link Contact} record from a text, and a page to
 * browse, filter, edit and delete stored completions.
 *
 * <p>
 * With {@code OPENAI_API_KEY} (or {@code OPENAI_BASE_URL}, for another OpenAI-compatible
 * server) set, it talks to that server. Without, it starts an {@link OfflineOpenAi
 * embedded fake} on loopback, so it works offline.
 */
@SpringBootApplication
public class ChatWebApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ChatWebApplication.class);
		if (isBlank(System.getenv("OPENAI_API_KEY")) && isBlank(System.getenv("OPENAI_BASE_URL"))) {
			OpenAiFakeServer fake = OfflineOpenAi.start();
			System.out.println("No OPENAI_API_KEY: chatting with an embedded fake OpenAI at " + fake.baseUrl());
			Map<String, Object> properties = new HashMap<>(fake.properties());
			properties.put("chat-web.offline", "true");
			application.setDefaultProperties(properties);
			application.addListeners((ApplicationListener<ContextClosedEvent>) (event) -> fake.close());
		}
		application.run(args);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
