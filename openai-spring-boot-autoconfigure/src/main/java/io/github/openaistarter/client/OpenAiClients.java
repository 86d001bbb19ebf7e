package io.github.openaistarter.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.core.OpenAiEndpoint;

import org.springframework.util.Assert;

/**
 * An application's OpenAI clients by name: {@value OpenAiEndpoint#DEFAULT_CLIENT_NAME}
 * for the main one, and the others by the names they were given (with Spring Boot,
 * {@code openai.clients.<name>.*}). Use it to pick a client at run time; to inject one
 * client, its operations beans carry its name as a qualifier.
 */
public final class OpenAiClients implements AutoCloseable {

	private final Map<String, OpenAiClient> clients;

	private final List<OpenAiClient> owned;

	/**
	 * Holds clients.
	 * @param clients the clients by name, in the order given
	 * @param owned those of the clients that {@link #close()} closes
	 */
	public OpenAiClients(Map<String, OpenAiClient> clients, List<OpenAiClient> owned) {
		this.clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
		this.owned = List.copyOf(owned);
	}

	/**
	 * The names of the clients.
	 * @return the names, the main client's first when there is one
	 */
	public Set<String> names() {
		return this.clients.keySet();
	}

	/**
	 * A client by name.
	 * @param name the client's name
	 * @return the client
	 * @throws IllegalArgumentException if there is no client of that name (the message
	 * lists those there are)
	 */
	public OpenAiClient get(String name) {
		OpenAiClient client = this.clients.get(name);
		Assert.isTrue(client != null, () -> "No OpenAI client is named '" + name + "'; the clients are " + names());
		return client;
	}

	/**
	 * The blocking operations of a client.
	 * @param name the client's name
	 * @return the operations
	 * @throws IllegalArgumentException if there is no client of that name
	 */
	public ChatCompletionsOperations chat(String name) {
		return get(name).chat();
	}

	/**
	 * The reactive operations of a client.
	 * @param name the client's name
	 * @return the operations
	 * @throws IllegalArgumentException if there is no client of that name
	 */
	public ReactiveChatCompletionsOperations reactiveChat(String name) {
		return get(name).reactiveChat();
	}

	/**
	 * Closes the clients this holder owns, freeing their connection pools.
	 */
	@Override
	public void close() {
		List<RuntimeException> failures = new ArrayList<>();
		for (OpenAiClient client : this.owned) {
			try {
				client.close();
			}
			catch (RuntimeException ex) {
				failures.add(ex);
			}
		}
		if (!failures.isEmpty()) {
			IllegalStateException failure = new IllegalStateException("Could not close every OpenAI client");
			failures.forEach(failure::addSuppressed);
			throw failure;
		}
	}

	@Override
	public String toString() {
		return "OpenAiClients" + names();
	}

}
