package io.github.openaistarter.core;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Keeps API keys out of text this library shows: exception messages quote server
 * messages, and OpenAI's 401 message repeats part of the key.
 */
public final class Secrets {

	private static final Pattern KEY = Pattern.compile("\\bsk-[A-Za-z0-9_*\\-]{2,}");

	private Secrets() {
	}

	/**
	 * Replaces anything shaped like an OpenAI key ({@code sk-...}) with {@code sk-***}.
	 * @param text the text to clean
	 * @return the text without keys
	 */
	public static String redact(String text) {
		return KEY.matcher(text).replaceAll("sk-***");
	}

	/**
	 * Describes a secret without revealing it, for {@code toString()} methods.
	 * @param secret the secret
	 * @return {@code "******"} when set, {@code "(none)"} when not
	 */
	public static String mask(@Nullable String secret) {
		return (secret == null || secret.isEmpty()) ? "(none)" : "******";
	}

}
