package io.github.openaistarter.wire;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.wire.OpenApiDescription.Example;

/**
 * The HTTP request of an example, read from its curl command: method, path below
 * {@code /v1} with the query, and the JSON body of {@code -d '...'}.
 *
 * @param method the HTTP method
 * @param target the path and query below the base URL, for example
 * {@code /chat/completions/chat_abc123}
 * @param body the JSON body, or {@code null} when the command sends none
 */
record RequestExample(String method, String target, JsonNode body) {

	private static final Pattern URL = Pattern.compile("https://api\\.openai\\.com/v1([^\\s\\\\'\"]*)");

	private static final Pattern METHOD = Pattern.compile("-X\\s+([A-Z]+)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Reads the request of an example.
	 * @param example the example
	 * @return the request
	 * @throws IllegalArgumentException if the example has no curl command with an OpenAI
	 * URL
	 */
	static RequestExample of(Example example) {
		String curl = example.curl();
		Matcher url = (curl != null) ? URL.matcher(curl) : null;
		if (url == null || !url.find()) {
			throw new IllegalArgumentException("The example " + example + " has no curl command with an OpenAI URL");
		}
		int data = curl.indexOf("-d '");
		JsonNode body = (data >= 0) ? JSON.readTree(curl.substring(data + 4, curl.lastIndexOf('\''))) : null;
		Matcher method = METHOD.matcher(curl);
		return new RequestExample(method.find() ? method.group(1) : ((body != null) ? "POST" : "GET"), url.group(1),
				body);
	}

	/**
	 * Whether the request asks for a stream ({@code "stream": true}).
	 * @return whether it streams
	 */
	boolean streams() {
		return this.body != null && this.body.path("stream").asBoolean(false);
	}

}
