/**
 * Auto-configuration of tools: the {@link io.github.openaistarter.tool.ChatTools} bean of
 * every bean's {@link io.github.openaistarter.tool.OpenAiTool @OpenAiTool} methods, with
 * the {@code openai.tools.*} settings.
 */
@NullMarked
package io.github.openaistarter.autoconfigure.tool;

import org.jspecify.annotations.NullMarked;
