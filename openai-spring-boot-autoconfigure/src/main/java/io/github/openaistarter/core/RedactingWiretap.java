package io.github.openaistarter.core;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.logging.LogLevel;
import io.netty.handler.logging.LoggingHandler;

/**
 * A wiretap for OpenAI connections that logs the bytes on the wire as text, at TRACE on
 * the logger {@value #LOGGER}, with credentials redacted: the {@code Authorization},
 * {@code Proxy-Authorization} and {@code api-key} header values and anything shaped like
 * an OpenAI key. Reactor Netty's own wiretap would log them as sent.
 */
@ChannelHandler.Sharable
public final class RedactingWiretap extends LoggingHandler {

	/** The logger the wiretap writes to. */
	public static final String LOGGER = "io.github.openaistarter.wiretap";

	private static final Pattern CREDENTIAL_HEADER = Pattern
		.compile("(?im)^((?:proxy-)?authorization|api-key)(\\s*:\\s*)[^\\r\\n]*");

	/** Creates the wiretap. */
	public RedactingWiretap() {
		super(LOGGER, LogLevel.TRACE);
	}

	@Override
	protected String format(ChannelHandlerContext ctx, String eventName, Object arg) {
		if (arg instanceof ByteBuf buffer) {
			return ctx.channel() + " " + eventName + " " + buffer.readableBytes() + "B\n" + redact(text(buffer));
		}
		if (arg instanceof ByteBufHolder holder) {
			return ctx.channel() + " " + eventName + " " + holder.content().readableBytes() + "B\n"
					+ redact(text(holder.content()));
		}
		return redact(super.format(ctx, eventName, arg));
	}

	private static String text(ByteBuf buffer) {
		return buffer.toString(buffer.readerIndex(), buffer.readableBytes(), StandardCharsets.UTF_8);
	}

	/**
	 * Removes credentials from text.
	 * @param text wire text
	 * @return the text with credential header values and keys replaced
	 */
	static String redact(String text) {
		return Secrets.redact(CREDENTIAL_HEADER.matcher(text).replaceAll("$1$2******"));
	}

}
