package io.github.openaistarter.chat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionDeleted;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;
import io.github.openaistarter.chat.model.Metadata;
import io.github.openaistarter.chat.model.Page;
import io.github.openaistarter.chat.model.SortOrder;
import io.github.openaistarter.chat.model.StoredMessage;
import io.github.openaistarter.chat.model.StreamOptions;
import io.github.openaistarter.chat.stream.ChunkStreamDecoder;
import io.github.openaistarter.core.OpenAiCall;
import io.github.openaistarter.core.OpenAiResponse;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.RequestOptions;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * The implementation of the Chat Completions API that both
 * {@link ReactiveChatCompletionsTemplate} and {@link ChatCompletionsTemplate} delegate
 * to. It checks arguments, applies the configured request defaults, builds each
 * {@link OpenAiCall} and sends it through the {@link OpenAiTransport}.
 */
public final class ChatCompletionsClient implements ReactiveChatCompletionsResponseOperations {

	private static final String PATH = "/chat/completions";

	private static final TypeReference<Page<ChatCompletion>> COMPLETION_PAGE = new TypeReference<>() {
	};

	private static final TypeReference<Page<StoredMessage>> MESSAGE_PAGE = new TypeReference<>() {
	};

	private final OpenAiTransport transport;

	private final Map<String, Object> defaults;

	private final ChunkStreamDecoder chunkDecoder;

	private final RequestOptions options;

	/**
	 * Creates a client.
	 * @param transport the transport every call goes through
	 * @param defaults request fields, by wire name, applied when a request leaves them
	 * unset (for example {@code model} or {@code temperature}); empty for none
	 */
	public ChatCompletionsClient(OpenAiTransport transport, Map<String, Object> defaults) {
		this(transport, Map.copyOf(defaults), new ChunkStreamDecoder(transport.jsonMapper()), RequestOptions.NONE);
	}

	private ChatCompletionsClient(OpenAiTransport transport, Map<String, Object> defaults,
			ChunkStreamDecoder chunkDecoder, RequestOptions options) {
		Assert.notNull(transport, "transport must not be null");
		Assert.notNull(defaults, "defaults must not be null");
		this.transport = transport;
		this.defaults = defaults;
		this.chunkDecoder = chunkDecoder;
		this.options = options;
	}

	@Override
	public ChatCompletionsClient withOptions(RequestOptions options) {
		Assert.notNull(options, "options must not be null");
		return new ChatCompletionsClient(this.transport, this.defaults, this.chunkDecoder, this.options.with(options));
	}

	@Override
	public Mono<OpenAiResponse<ChatCompletion>> create(ChatCompletionRequest request) {
		OpenAiCall call = post(ChatOperationNames.CREATE, PATH, body(request, false)).repeatable(repeatable(request))
			.model(model(request))
			.build();
		return this.transport.exchange(call, ChatCompletion.class);
	}

	@Override
	public Flux<OpenAiResponse<ChatCompletionChunk>> stream(ChatCompletionRequest request) {
		OpenAiCall call = post(ChatOperationNames.STREAM, PATH, body(request, true)).repeatable(repeatable(request))
			.model(model(request))
			.build();
		return this.transport.stream(call, (metadata, body) -> this.chunkDecoder.decode(call, metadata, body)
			.map((chunk) -> new OpenAiResponse<>(chunk, metadata)));
	}

	@Override
	public Mono<OpenAiResponse<ChatCompletion>> retrieve(String completionId) {
		OpenAiCall call = call(ChatOperationNames.RETRIEVE, HttpMethod.GET).pathSegment(checkId(completionId)).build();
		return this.transport.exchange(call, ChatCompletion.class);
	}

	@Override
	public Mono<OpenAiResponse<ChatCompletion>> update(String completionId, Map<String, String> metadata) {
		String id = checkId(completionId);
		byte[] body = toJson(Map.of("metadata", Metadata.validate(metadata)));
		OpenAiCall call = call(ChatOperationNames.UPDATE, HttpMethod.POST).pathSegment(id).body(body).build();
		return this.transport.exchange(call, ChatCompletion.class);
	}

	@Override
	public Mono<OpenAiResponse<ChatCompletionDeleted>> delete(String completionId) {
		OpenAiCall call = call(ChatOperationNames.DELETE, HttpMethod.DELETE).pathSegment(checkId(completionId)).build();
		return this.transport.exchange(call, ChatCompletionDeleted.class);
	}

	@Override
	public Mono<OpenAiResponse<Page<ChatCompletion>>> list(ListChatCompletionsParams params) {
		Assert.notNull(params, "params must not be null");
		OpenAiCall.Builder call = call(ChatOperationNames.LIST, HttpMethod.GET).query("after", params.after())
			.query("limit", params.limit())
			.query("order", order(params.order()))
			.query("model", params.model());
		params.metadata().forEach((key, value) -> call.query("metadata[" + key + "]", value));
		return this.transport.exchange(call.build(), COMPLETION_PAGE);
	}

	@Override
	public Mono<OpenAiResponse<Page<StoredMessage>>> listMessages(String completionId, ListMessagesParams params) {
		String id = checkId(completionId);
		Assert.notNull(params, "params must not be null");
		OpenAiCall call = call(ChatOperationNames.LIST_MESSAGES, HttpMethod.GET).pathSegment(id)
			.pathSegment("messages")
			.query("after", params.after())
			.query("limit", params.limit())
			.query("order", order(params.order()))
			.build();
		return this.transport.exchange(call, MESSAGE_PAGE);
	}

	/**
	 * The JSON body of a create or stream call: the configured defaults, overridden by
	 * the request's fields. {@code stream_options} is sent only when streaming: OpenAI
	 * rejects it without {@code stream: true}.
	 */
	private byte[] body(ChatCompletionRequest request, boolean stream) {
		Assert.notNull(request, "request must not be null");
		if (request.model() == null && !this.defaults.containsKey("model")) {
			throw new IllegalArgumentException(
					"The request has no model: set one on the request or a default model on the client");
		}
		if (!stream && this.defaults.isEmpty() && request.get("stream_options") == null) {
			// the body map itself: through the request's @JsonValue, Jackson would
			// resolve Map<String, Object>
			// against the map's class on every call (about 1 KB of garbage each)
			return toJson(request.body());
		}
		Map<String, Object> body = new LinkedHashMap<>(this.defaults);
		body.putAll(request.body());
		if (stream) {
			body.put("stream", true);
			body.putIfAbsent("stream_options", StreamOptions.INCLUDE_USAGE);
		}
		else {
			body.remove("stream_options");
		}
		return toJson(body);
	}

	private byte[] toJson(Object body) {
		try {
			return this.transport.toJson(body);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The request cannot be written as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private OpenAiCall.Builder post(String operation, String path, byte[] body) {
		return call(operation, HttpMethod.POST).body(body);
	}

	private OpenAiCall.Builder call(String operation, HttpMethod method) {
		return OpenAiCall.builder(operation, method, PATH).options(this.options);
	}

	private @Nullable String model(ChatCompletionRequest request) {
		return (request.model() != null) ? request.model() : (String) this.defaults.get("model");
	}

	/**
	 * Whether a create call stores its completion: OpenAI does not deduplicate stored
	 * completions, so such a call is retried only when the first attempt provably did not
	 * take effect.
	 */
	/**
	 * Whether a create may be sent again after a failure that may have reached OpenAI:
	 * yes, unless it stores its completion and the transport is told never to risk a
	 * duplicate stored completion.
	 */
	private boolean repeatable(ChatCompletionRequest request) {
		return this.transport.retriesStoredCreates() || !stores(request);
	}

	private boolean stores(ChatCompletionRequest request) {
		Object store = (request.store() != null) ? request.store() : this.defaults.get("store");
		return Boolean.TRUE.equals(store);
	}

	/**
	 * Checks a completion id before it becomes a path segment.
	 * @throws IllegalArgumentException if it is null, blank, contains {@code /} or is a
	 * dot segment
	 */
	static String checkId(String completionId) {
		Assert.notNull(completionId, "completionId must not be null");
		Assert.isTrue(!completionId.isBlank(), "completionId must not be blank");
		Assert.isTrue(completionId.indexOf('/') < 0,
				() -> "completionId must not contain '/', was '" + completionId + "'");
		Assert.isTrue(!completionId.equals(".") && !completionId.equals(".."),
				() -> "completionId must not be '" + completionId + "'");
		return completionId;
	}

	private static @Nullable String order(@Nullable SortOrder order) {
		return (order != null) ? order.value() : null;
	}

}
