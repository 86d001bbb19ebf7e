package io.github.openaistarter.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.openaistarter.core.OpenAiEndpoint;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads the named clients of {@code openai.clients.<name>.*}: their names, and each one's
 * settings over the top-level {@code openai.*} ones, so that what a named client leaves
 * unset it inherits (maps such as {@code headers} are merged, other values replaced).
 */
final class NamedClients {

	/** The prefix of the named clients' properties. */
	static final String PREFIX = "openai.clients";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

	private NamedClients() {
	}

	/**
	 * The names of the clients configured under {@code openai.clients}.
	 * @param environment the environment
	 * @return the names, in the order configured
	 * @throws IllegalStateException for a name that cannot name beans, or the reserved
	 * name of the default client
	 */
	static List<String> names(Environment environment) {
		List<String> names = Binder.get(environment)
			.bind(PREFIX, Bindable.mapOf(String.class, OpenAiProperties.class))
			.map(Map::keySet)
			.map(List::copyOf)
			.orElse(List.of());
		for (String name : names) {
			if (!NAME.matcher(name).matches() || name.equals(OpenAiEndpoint.DEFAULT_CLIENT_NAME)) {
				throw new IllegalStateException("'" + PREFIX + "." + name + "' cannot name a client: use letters,"
						+ " digits, '-' and '_', and not '" + OpenAiEndpoint.DEFAULT_CLIENT_NAME
						+ "', the name of the client configured by openai.*");
			}
		}
		return names;
	}

	/**
	 * The settings of one named client: {@code openai.*}, then
	 * {@code openai.clients.<name>.*} over them.
	 * @param environment the environment
	 * @param name the client's name
	 * @return the client's settings
	 */
	static OpenAiProperties properties(Environment environment, String name) {
		Binder binder = Binder.get(environment);
		OpenAiProperties properties = new OpenAiProperties();
		binder.bind("openai", Bindable.ofInstance(properties));
		binder.bind(prefix(name), Bindable.ofInstance(properties));
		properties.getClients().clear();
		return properties;
	}

	/**
	 * The property prefix of a client, as messages name its settings.
	 * @param name the client's name
	 * @return {@code openai.clients.<name>}
	 */
	static String prefix(String name) {
		return PREFIX + "." + name;
	}

}
