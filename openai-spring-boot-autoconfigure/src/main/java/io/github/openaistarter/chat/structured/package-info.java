/**
 * Structured outputs: a Java type in, a value of it out.
 * {@link io.github.openaistarter.chat.structured.StructuredOutput} turns a type into a
 * strict {@code response_format} and reads completions back into the type;
 * {@link io.github.openaistarter.chat.structured.StreamedElements} hands out the elements
 * of a streamed list as soon as each is complete. The typed methods of the operations
 * interfaces use them; so can code that holds a completion from elsewhere (a stored
 * completion read back, for example).
 */
@NullMarked
package io.github.openaistarter.chat.structured;

import org.jspecify.annotations.NullMarked;
