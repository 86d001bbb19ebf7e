package io.github.openaistarter.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.core.OpenAiJson;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * A third floor, between the other two: Spring's {@link ClientHttpConnector} (the layer under {@code WebClient},
 * which Boot's connector customizers, SSL bundles and the dedicated pool configure) posting the pre-built bytes,
 * decoded with Jackson. The gap between it and the WebClient floor is what {@code WebClient}'s own layer
 * (request specs, exchange functions, filters, checkpoints, observation) costs.
 */
final class ConnectorFloorClient implements BenchClient {

	private static final JsonMapper MAPPER = OpenAiJson.createMapper();

	private static final JavaType COMPLETION = MAPPER.constructType(ChatCompletion.class);

	private final ConnectionProvider provider;

	private final ClientHttpConnector connector;

	private final URI uri;

	ConnectorFloorClient(String baseUrl) {
		this.provider = ConnectionProvider.builder("connector-floor").maxConnections(2000).pendingAcquireMaxCount(-1)
			.build();
		this.connector = new ReactorClientHttpConnector(HttpClient.create(this.provider));
		this.uri = URI.create(baseUrl + "/chat/completions");
	}

	Mono<ChatCompletion> createMono() {
		return this.connector.connect(HttpMethod.POST, this.uri, (request) -> {
			HttpHeaders headers = request.getHeaders();
			headers.set(HttpHeaders.AUTHORIZATION, "Bearer sk-benchmark");
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
			return request.writeWith(Mono.just(request.bufferFactory().wrap(Payloads.REQUEST)));
		}).flatMap((response) -> {
			if (response.getStatusCode().value() != 200) {
				return Mono.error(new IllegalStateException("status " + response.getStatusCode()));
			}
			return DataBufferUtils.join(response.getBody()).map(ConnectorFloorClient::read);
		});
	}

	private static ChatCompletion read(DataBuffer buffer) {
		try (InputStream in = buffer.asInputStream(true)) {
			return MAPPER.readValue(in, COMPLETION);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public Object create() {
		return createMono().block();
	}

	@Override
	public boolean isAsync() {
		return true;
	}

	@Override
	public void createAsync(BiConsumer<Object, Throwable> done) {
		createMono().subscribe((completion) -> done.accept(completion, null), (error) -> done.accept(null, error));
	}

	@Override
	public int stream(LongConsumer onChunk) {
		throw new UnsupportedOperationException("the connector floor measures plain calls only");
	}

	@Override
	public Object list() {
		throw new UnsupportedOperationException("the connector floor measures plain calls only");
	}

	@Override
	public String text(Object completion) {
		return ((ChatCompletion) completion).text();
	}

	@Override
	public void close() {
		this.provider.disposeLater().block();
	}

}
