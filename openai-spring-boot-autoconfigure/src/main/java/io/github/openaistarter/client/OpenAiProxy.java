package io.github.openaistarter.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.core.Secrets;

import org.springframework.util.Assert;

/**
 * An HTTP proxy that OpenAI calls go through.
 *
 * @param host the proxy's host
 * @param port the proxy's port
 * @param username the user to authenticate as, or {@code null} for none
 * @param password the user's password, or {@code null}
 * @param nonProxyHosts hosts reached directly, {@code *} as a wildcard (for example
 * {@code 127.*})
 */
public record OpenAiProxy(String host, int port, @Nullable String username, @Nullable String password,
		List<String> nonProxyHosts) {

	/** The hosts reached directly unless told otherwise: the loopback addresses. */
	public static final List<String> DEFAULT_NON_PROXY_HOSTS = List.of("localhost", "127.*", "[::1]");

	/**
	 * Checks the values.
	 * @param host the proxy's host
	 * @param port the proxy's port
	 * @param username the user, or {@code null}
	 * @param password the password, or {@code null}
	 * @param nonProxyHosts hosts reached directly
	 */
	public OpenAiProxy {
		Assert.hasText(host, "host must not be empty");
		Assert.isTrue(port > 0 && port <= 65535, "port must be between 1 and 65535");
		nonProxyHosts = List.copyOf(nonProxyHosts);
	}

	/**
	 * A proxy without authentication that loopback addresses bypass.
	 * @param host the proxy's host
	 * @param port the proxy's port
	 * @return the proxy
	 */
	public static OpenAiProxy of(String host, int port) {
		return new OpenAiProxy(host, port, null, null, DEFAULT_NON_PROXY_HOSTS);
	}

	/**
	 * This proxy, authenticating as a user.
	 * @param username the user
	 * @param password the password
	 * @return a copy with the credentials
	 */
	public OpenAiProxy withCredentials(String username, @Nullable String password) {
		return new OpenAiProxy(this.host, this.port, username, password, this.nonProxyHosts);
	}

	/**
	 * This proxy, bypassed for other hosts.
	 * @param nonProxyHosts the hosts reached directly, {@code *} as a wildcard
	 * @return a copy with those hosts
	 */
	public OpenAiProxy withNonProxyHosts(List<String> nonProxyHosts) {
		return new OpenAiProxy(this.host, this.port, this.username, this.password, nonProxyHosts);
	}

	/** The hosts reached directly, as the regular expression Reactor Netty expects. */
	String nonProxyHostsPattern() {
		return String.join("|",
				this.nonProxyHosts.stream()
					.map((host) -> host.replace(".", "\\.").replace("[", "\\[").replace("]", "\\]").replace("*", ".*"))
					.toList());
	}

	@Override
	public String toString() {
		return "OpenAiProxy[host=" + this.host + ", port=" + this.port + ", username=" + this.username + ", password="
				+ Secrets.mask(this.password) + ", nonProxyHosts=" + this.nonProxyHosts + "]";
	}

}
