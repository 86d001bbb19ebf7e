package io.github.openaistarter.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;
import tools.jackson.databind.JsonNode;

/**
 * A request the {@link OpenAiFakeServer} received, as the client sent it, for assertions:
 * <pre>{@code
 * RecordedRequest request = fake.lastRequest();
 * assertThat(request.header("authorization")).isEqualTo("Bearer sk-test");
 * assertThat(request.json().path("model").asString()).isEqualTo("gpt-4o-mini");
 * assertThat(request.queryParameters()).containsEntry("metadata[topic]", List.of("billing & tax"));
 * }</pre> Immutable.
 */
public final class RecordedRequest {

	private final String method;

	private final List<String> segments;

	private final Map<String, List<String>> queryParameters;

	private final Map<String, List<String>> headers;

	private final String body;

	private final JsonNode json;

	private final Instant receivedAt;

	private RecordedRequest(String method, List<String> segments, Map<String, List<String>> queryParameters,
			Map<String, List<String>> headers, byte[] body) {
		this.method = method;
		this.segments = List.copyOf(segments);
		this.queryParameters = queryParameters;
		this.headers = headers;
		this.body = new String(body, StandardCharsets.UTF_8);
		this.json = Json.read(body);
		this.receivedAt = Instant.now();
	}

	/**
	 * Records a request.
	 * @param request the request
	 * @param body its whole body, empty when it had none
	 * @return the recorded request
	 */
	static RecordedRequest of(HttpServerRequest request, byte[] body) {
		QueryStringDecoder uri = QueryStringDecoder.builder().semicolonIsNormalChar(true).build(request.uri());
		List<String> segments = new ArrayList<>();
		String rawPath = uri.rawPath();
		for (String segment : rawPath.substring(rawPath.startsWith("/") ? 1 : 0).split("/", -1)) {
			segments.add(decodePathSegment(segment));
		}
		Map<String, List<String>> query = new LinkedHashMap<>();
		uri.parameters().forEach((name, values) -> query.put(name, List.copyOf(values)));
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.requestHeaders()
			.forEach((header) -> headers
				.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), (name) -> new ArrayList<>())
				.add(header.getValue()));
		headers.replaceAll((name, values) -> List.copyOf(values));
		return new RecordedRequest(request.method().name(), segments, Collections.unmodifiableMap(query),
				Collections.unmodifiableMap(headers), body);
	}

	private static String decodePathSegment(String segment) {
		try {
			return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return segment;
		}
	}

	/**
	 * The HTTP method.
	 * @return for example {@code POST}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The path as sent, percent-decoded, without the query.
	 * @return for example {@code /v1/chat/completions/chatcmpl-abc/messages}
	 */
	public String path() {
		return "/" + String.join("/", this.segments);
	}

	/**
	 * The query parameters, decoded, in the order sent; a name sent twice has two values.
	 * @return the parameters (read-only), empty when there were none
	 */
	public Map<String, List<String>> queryParameters() {
		return this.queryParameters;
	}

	/**
	 * The first value of a query parameter.
	 * @param name the decoded name, for example {@code limit} or {@code metadata[topic]}
	 * @return the value, or {@code null} when absent
	 */
	public @Nullable String queryParameter(String name) {
		List<String> values = this.queryParameters.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/**
	 * The headers, with lower-case names.
	 * @return the headers (read-only)
	 */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/**
	 * The first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when absent
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/**
	 * The body as text.
	 * @return the body, empty when there was none
	 */
	public String body() {
		return this.body;
	}

	/**
	 * The body as a JSON tree (a copy: change it freely).
	 * @return the tree, or a missing node ({@link JsonNode#isMissingNode()}) when the
	 * body is empty or not JSON
	 */
	public JsonNode json() {
		return this.json.deepCopy();
	}

	/**
	 * When the fake received the request.
	 * @return the instant its body was complete
	 */
	public Instant receivedAt() {
		return this.receivedAt;
	}

	/**
	 * The path below the base URL, split into decoded segments: a leading {@code v1} is
	 * dropped.
	 */
	List<String> apiSegments() {
		boolean versioned = !this.segments.isEmpty() && this.segments.get(0).equals("v1");
		return versioned ? this.segments.subList(1, this.segments.size()) : this.segments;
	}

	/** The path below the base URL, for example {@code /chat/completions}. */
	String apiPath() {
		return "/" + String.join("/", apiSegments());
	}

	/** The body tree itself, not to be changed. */
	JsonNode jsonBody() {
		return this.json;
	}

	/** Whether the request asks for a streamed completion. */
	boolean isStreaming() {
		return this.json.path("stream").isBoolean() && this.json.path("stream").asBoolean();
	}

	@Override
	public String toString() {
		String query = this.queryParameters.isEmpty() ? "" : " " + this.queryParameters;
		return this.method + " " + path() + query + (this.body.isEmpty() ? "" : " " + this.body);
	}

}
