package io.github.openaistarter.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.core.Secrets;

/**
 * An HTTP proxy for OpenAI calls ({@code openai.proxy.*}); unused unless a host is set.
 */
public class ProxyProperties {

	/**
	 * Proxy host; no proxy when unset.
	 */
	private @Nullable String host;

	/**
	 * Proxy port.
	 */
	private int port = 8080;

	/**
	 * User name for proxy authentication.
	 */
	private @Nullable String username;

	/**
	 * Password for proxy authentication.
	 */
	private @Nullable String password;

	/**
	 * Hosts reached without the proxy; '*' matches any characters, as in
	 * "*.internal.example".
	 */
	private List<String> nonProxyHosts = new ArrayList<>(List.of("localhost", "127.*", "[::1]"));

	/**
	 * Proxy host.
	 * @return the host, or {@code null} for no proxy
	 */
	public @Nullable String getHost() {
		return this.host;
	}

	/**
	 * Sets the proxy host.
	 * @param host the host
	 */
	public void setHost(@Nullable String host) {
		this.host = host;
	}

	/**
	 * Proxy port.
	 * @return the port
	 */
	public int getPort() {
		return this.port;
	}

	/**
	 * Sets the proxy port.
	 * @param port the port
	 */
	public void setPort(int port) {
		this.port = port;
	}

	/**
	 * User name for proxy authentication.
	 * @return the user name, or {@code null}
	 */
	public @Nullable String getUsername() {
		return this.username;
	}

	/**
	 * Sets the user name for proxy authentication.
	 * @param username the user name
	 */
	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	/**
	 * Password for proxy authentication.
	 * @return the password, or {@code null}
	 */
	public @Nullable String getPassword() {
		return this.password;
	}

	/**
	 * Sets the password for proxy authentication.
	 * @param password the password
	 */
	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	/**
	 * Hosts reached without the proxy.
	 * @return the host patterns
	 */
	public List<String> getNonProxyHosts() {
		return this.nonProxyHosts;
	}

	/**
	 * Sets the hosts reached without the proxy.
	 * @param nonProxyHosts the host patterns
	 */
	public void setNonProxyHosts(List<String> nonProxyHosts) {
		this.nonProxyHosts = nonProxyHosts;
	}

	@Override
	public String toString() {
		return "ProxyProperties[host=" + this.host + ", port=" + this.port + ", username=" + this.username
				+ ", password=" + Secrets.mask(this.password) + "]";
	}

}
