package io.github.openaistarter.client;

import java.time.Duration;

import io.netty.channel.ChannelPipeline;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.transport.ProxyProvider;

import io.github.openaistarter.core.OpenAiConnectionPool;
import io.github.openaistarter.core.RedactingWiretap;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Builds the HTTP connector of OpenAI calls: Reactor Netty on a dedicated
 * {@link OpenAiConnectionPool}, with the connect timeout, TLS bundle, proxy, compression
 * and wiretap of a client, and redirects never followed (an {@code Authorization} header
 * must not travel to another host).
 */
final class ReactorConnectors {

	private static final RedactingWiretap WIRETAP = new RedactingWiretap();

	private static final String WIRETAP_NAME = "openai.wiretap";

	private ReactorConnectors() {
	}

	/**
	 * Builds the connector.
	 * @param pool the dedicated pool
	 * @param connectTimeout the longest wait for a connection
	 * @param sslBundle the TLS bundle, or {@code null} for the JVM's trust store
	 * @param proxy the proxy, or {@code null} to connect directly
	 * @param compression whether to ask for compressed answers
	 * @param wiretap whether to log the exchange (credentials redacted)
	 * @return the connector
	 */
	static ClientHttpConnector create(OpenAiConnectionPool pool, Duration connectTimeout, @Nullable SslBundle sslBundle,
			@Nullable OpenAiProxy proxy, boolean compression, boolean wiretap) {
		HttpClientSettings settings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, connectTimeout, null,
				sslBundle);
		return ClientHttpConnectorBuilder.reactor()
			.withHttpClientFactory(() -> HttpClient.create(pool.connectionProvider()))
			.withHttpClientCustomizer((client) -> customize(client, proxy, compression, wiretap))
			.build(settings);
	}

	private static HttpClient customize(HttpClient client, @Nullable OpenAiProxy proxy, boolean compression,
			boolean wiretap) {
		HttpClient customized = client.compress(compression).followRedirect(false);
		if (proxy != null) {
			customized = customized.proxy((spec) -> configure(spec, proxy));
		}
		if (wiretap) {
			customized = customized.doOnChannelInit((observer, channel, address) -> addWiretap(channel.pipeline()));
		}
		return customized;
	}

	/**
	 * Adds the wiretap behind TLS when there is TLS, so that it logs the HTTP exchange
	 * rather than ciphertext.
	 */
	private static void addWiretap(ChannelPipeline pipeline) {
		if (pipeline.get(NettyPipeline.SslHandler) != null) {
			pipeline.addAfter(NettyPipeline.SslHandler, WIRETAP_NAME, WIRETAP);
		}
		else {
			pipeline.addFirst(WIRETAP_NAME, WIRETAP);
		}
	}

	private static ProxyProvider.Builder configure(ProxyProvider.TypeSpec spec, OpenAiProxy proxy) {
		ProxyProvider.Builder builder = spec.type(ProxyProvider.Proxy.HTTP)
			.host(proxy.host())
			.port(proxy.port())
			.nonProxyHosts(proxy.nonProxyHostsPattern());
		if (proxy.username() != null) {
			String password = proxy.password();
			builder = builder.username(proxy.username()).password((user) -> password);
		}
		return builder;
	}

}
