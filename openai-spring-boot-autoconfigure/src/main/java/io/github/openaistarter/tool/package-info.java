/**
 * Tools from Java: methods annotated
 * {@link io.github.openaistarter.tool.OpenAiTool @OpenAiTool} or functions given as
 * {@link io.github.openaistarter.tool.ChatTool}s, their strict parameter schemas, and the
 * {@link io.github.openaistarter.tool.ToolLoop loop} that calls the model, runs the tools
 * it asks for (in parallel) and sends their results back until it answers.
 */
@NullMarked
package io.github.openaistarter.tool;

import org.jspecify.annotations.NullMarked;
