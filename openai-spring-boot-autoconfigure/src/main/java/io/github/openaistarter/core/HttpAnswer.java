package io.github.openaistarter.core;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * The answer of one HTTP exchange as the transport reads it, whichever layer sent it.
 *
 * @param status the status
 * @param headers the headers
 * @param body the body, to be consumed once
 */
record HttpAnswer(HttpStatusCode status, HttpHeaders headers, Flux<DataBuffer> body) {
}
