package io.github.openaistarter.benchmarks;

import java.io.IOException;
import java.io.InputStream;
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
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A second floor, for the starter's own share of the cost: Spring's {@code WebClient} on Reactor Netty posting
 * the pre-built bytes and decoding the joined body with Jackson, as the starter's transport does, but without
 * its retries, timeouts, observations, response metadata or request serialization. The gap between this and
 * the floor is WebClient's; the gap between the starter and this is the starter's.
 */
final class WebClientFloorClient implements BenchClient {

	private static final JsonMapper MAPPER = OpenAiJson.createMapper();

	private static final JavaType COMPLETION = MAPPER.constructType(ChatCompletion.class);

	private final ConnectionProvider provider;

	private final WebClient webClient;

	private final String url;

	WebClientFloorClient(String baseUrl) {
		this.provider = ConnectionProvider.builder("webclient-floor").maxConnections(2000).pendingAcquireMaxCount(-1)
			.build();
		this.webClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.provider)))
			.build();
		this.url = baseUrl + "/chat/completions";
	}

	Mono<ChatCompletion> createMono() {
		return this.webClient.post()
			.uri(this.url)
			.header("Authorization", "Bearer sk-benchmark")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(Payloads.REQUEST)
			.exchangeToMono((response) -> {
				if (response.statusCode().value() != 200) {
					return Mono.error(new IllegalStateException("status " + response.statusCode()));
				}
				return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers())).map(WebClientFloorClient::read);
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
		throw new UnsupportedOperationException("the WebClient floor measures plain calls only");
	}

	@Override
	public Object list() {
		throw new UnsupportedOperationException("the WebClient floor measures plain calls only");
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
