package io.cdp.aws.test;

import java.lang.reflect.Method;
import java.net.URI;

/**
 * Testcontainers, reached reflectively: the dependency is optional, and on machines without a Docker
 * engine (the development and CI machines of this project) its classes are never loaded.
 */
final class DockerEmulator {

    private DockerEmulator() {}

    static boolean dockerAvailable() {
        try {
            Class<?> factory = Class.forName("org.testcontainers.DockerClientFactory");
            Object instance = factory.getMethod("instance").invoke(null);
            return (Boolean) factory.getMethod("isDockerAvailable").invoke(instance);
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    static URI start(String image) {
        try {
            Class<?> imageName = Class.forName("org.testcontainers.utility.DockerImageName");
            Object parsed = imageName.getMethod("parse", String.class).invoke(null, image);
            Object compatible = imageName
                    .getMethod("asCompatibleSubstituteFor", String.class)
                    .invoke(parsed, "localstack/localstack");
            Class<?> containerClass = Class.forName("org.testcontainers.localstack.LocalStackContainer");
            Object container = containerClass.getConstructor(imageName).newInstance(compatible);
            containerClass.getMethod("start").invoke(container);
            Method endpoint = containerClass.getMethod("getEndpoint");
            // the container lives as long as the JVM; Testcontainers' reaper removes it afterwards
            return (URI) endpoint.invoke(container);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "a Docker engine is available but the emulator container did not start: " + e, e);
        }
    }
}
