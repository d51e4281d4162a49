package io.cdp.aws.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test that talks to the AWS emulator. The class gets its own resource namespace
 * with every registry resource created in it; test constructors and methods may declare
 * {@link io.cdp.events.resources.CdpResources}, {@link io.cdp.aws.AwsClients} or {@link AwsEmulator}
 * parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AwsEmulatorExtension.class)
public @interface AwsEmulatorTest {

    /** Set to false to skip creating the registry resources (a test that creates its own). */
    boolean bootstrap() default true;
}
