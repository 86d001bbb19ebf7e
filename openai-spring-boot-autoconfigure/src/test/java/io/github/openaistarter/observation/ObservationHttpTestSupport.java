package io.github.openaistarter.observation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.observation.transport.SenderContext;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsTemplate;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.RetryPolicy;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the observation tests over HTTP: a loopback {@link MockWebServer}, a
 * {@link TestObservationRegistry} whose observations also feed a
 * {@link SimpleMeterRegistry} (Micrometer's default timer handler plus
 * {@link OpenAiMeterObservationHandler}), and the client observed by an
 * {@link ObservationCallObserver}. A handler stands in for a tracer's propagating one: it
 * injects a {@code traceparent} header into every {@code SenderContext} it sees start
 * ({@link #TRACEPARENT} plus the observation's number).
 */
abstract class ObservationHttpTestSupport {

	static final String NAME = "gen_ai.client.operation";

	static final String API_KEY = "sk-observed-secret-777";

	static final String MODEL = "gpt-4o-mini";

	static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0";

	protected final MockWebServer server = new MockWebServer();

	protected final TestObservationRegistry registry = TestObservationRegistry.create();

	protected final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final AtomicInteger propagated = new AtomicInteger();

	/** The contexts of observations that were stopped, in order. */
	protected final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	protected ReactiveChatCompletionsOperations reactive;

	protected ChatCompletionsOperations chat;

	@BeforeEach
	void startServerAndRegistries() throws IOException {
		this.server.start();
		((QueueDispatcher) this.server.getDispatcher()).setFailFast(true);
		this.registry.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(this.meters))
			.observationHandler(new OpenAiMeterObservationHandler(this.meters))
			.observationHandler(new ObservationHandler<>() {

				@Override
				@SuppressWarnings("unchecked")
				public void onStart(Observation.Context context) {
					if (context instanceof SenderContext<?> sender) {
						((SenderContext<Object>) sender).getSetter()
							.set(sender.getCarrier(), "traceparent",
									TRACEPARENT + ObservationHttpTestSupport.this.propagated.incrementAndGet());
					}
				}

				@Override
				public void onStop(Observation.Context context) {
					ObservationHttpTestSupport.this.stopped.add(context);
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}

			});
		useClient(transport(RetryPolicy.DEFAULT.withMaxRetries(0), 0));
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	String baseUrl() {
		return this.server.url("/v1").toString();
	}

	/**
	 * A transport to the test server, observed in the test registry.
	 * @param retryPolicy the retry policy
	 * @param maxContentLength 0 to record no content, else the most characters recorded
	 */
	OpenAiTransport transport(RetryPolicy retryPolicy, int maxContentLength) {
		return OpenAiTransport.builder(new ReactorClientHttpConnector())
			.baseUrl(baseUrl())
			.apiKey(API_KEY)
			.retryPolicy(retryPolicy)
			.observer(new ObservationCallObserver(this.registry, null, maxContentLength))
			.build();
	}

	void useClient(OpenAiTransport transport) {
		ChatCompletionsClient client = new ChatCompletionsClient(transport, Map.of());
		this.reactive = new ReactiveChatCompletionsTemplate(client, transport.observer());
		this.chat = new ChatCompletionsTemplate(client, transport.observer());
	}

	void enqueue(MockResponse response) {
		this.server.enqueue(response);
	}

	void enqueueJson(String fixture) {
		enqueue(jsonResponse(200, fixture(fixture)).build());
	}

	/**
	 * The OpenAI observations handled so far (started, stopped or not), in order of
	 * start.
	 */
	List<Observation.Context> observations() {
		return handled().stream().filter((context) -> NAME.equals(context.getName())).toList();
	}

	/**
	 * The one OpenAI observation of an operation.
	 */
	Observation.Context observation(String operation) {
		List<Observation.Context> matching = observations().stream()
			.filter((context) -> operation.equals(lowKeys(context).get("openai.operation")))
			.toList();
		assertThat(matching).as("observations of %s", operation).hasSize(1);
		return matching.get(0);
	}

	List<Observation.Context> handled() {
		List<Observation.Context> contexts = new ArrayList<>();
		TestObservationRegistryAssert.assertThat(this.registry).hasHandledContextsThatSatisfy(contexts::addAll);
		return contexts;
	}

	boolean isStopped(Observation.Context context) {
		return this.stopped.stream().anyMatch((candidate) -> candidate == context);
	}

	String serverAddress() {
		return this.server.getHostName();
	}

	static Map<String, String> lowKeys(Observation.ContextView context) {
		Map<String, String> keys = new TreeMap<>();
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			keys.put(keyValue.getKey(), keyValue.getValue());
		}
		return keys;
	}

	static Map<String, String> highKeys(Observation.ContextView context) {
		Map<String, String> keys = new TreeMap<>();
		for (KeyValue keyValue : context.getHighCardinalityKeyValues()) {
			keys.put(keyValue.getKey(), keyValue.getValue());
		}
		return keys;
	}

	/**
	 * The low-cardinality keys of a call to the test server: the given values over those
	 * every call has.
	 */
	Map<String, String> expectedLowKeys(String operationName, String requestModel, String operation, String... more) {
		Map<String, String> keys = new TreeMap<>();
		keys.put("gen_ai.operation.name", operationName);
		keys.put("gen_ai.provider.name", "openai");
		keys.put("gen_ai.request.model", requestModel);
		keys.put("openai.operation", operation);
		keys.put("openai.streaming", "false");
		keys.put("outcome", "success");
		keys.put("http.response.status_class", "2xx");
		keys.put("error.type", "none");
		keys.put("openai.attempts", "1");
		keys.put("server.address", serverAddress());
		keys.put("server.port", String.valueOf(this.server.getPort()));
		keys.put("openai.client.name", "default");
		for (int i = 0; i < more.length; i += 2) {
			keys.put(more[i], more[i + 1]);
		}
		return keys;
	}

	static Map<String, String> map(String... keysAndValues) {
		Map<String, String> keys = new TreeMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			keys.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return keys;
	}

	static MockResponse.Builder jsonResponse(int status, String body) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.addHeader("x-request-id", "req_obs_" + status)
			.body(body);
	}

	static MockResponse.Builder eventStream(String body) {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/event-stream; charset=utf-8")
			.addHeader("x-request-id", "req_stream_1")
			.chunkedBody(body, 97);
	}

	static String fixture(String name) {
		try (InputStream in = ObservationHttpTestSupport.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(in).as("fixture %s", name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
