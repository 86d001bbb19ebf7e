package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The processing tier of a request or response ({@code service_tier}).
 */
public final class ServiceTier extends WireValue {

	/** {@code auto}: the project default. */
	public static final ServiceTier AUTO = new ServiceTier("auto");

	/** {@code default}: standard pricing and performance. */
	public static final ServiceTier DEFAULT = new ServiceTier("default");

	/** {@code flex}: cheaper and slower. */
	public static final ServiceTier FLEX = new ServiceTier("flex");

	/** {@code scale}: scale tier. */
	public static final ServiceTier SCALE = new ServiceTier("scale");

	/** {@code priority}: priority processing. */
	public static final ServiceTier PRIORITY = new ServiceTier("priority");

	/** {@code fast}: fast processing. */
	public static final ServiceTier FAST = new ServiceTier("fast");

	private ServiceTier(String value) {
		super(value);
	}

	/**
	 * Returns the value for a wire string, known to this library or not.
	 * @param value the wire value
	 * @return the value
	 */
	@JsonCreator
	public static ServiceTier of(String value) {
		return new ServiceTier(value);
	}

}
