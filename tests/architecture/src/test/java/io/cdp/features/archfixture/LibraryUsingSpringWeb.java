package io.cdp.features.archfixture;

import org.springframework.web.bind.annotation.RestController;

/** A deliberately wrong fixture: library code depending on Spring Web. Never shipped. */
@RestController
public final class LibraryUsingSpringWeb {}
