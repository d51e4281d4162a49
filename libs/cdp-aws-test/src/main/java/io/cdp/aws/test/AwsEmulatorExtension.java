package io.cdp.aws.test;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.events.resources.CdpResources;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Finds the emulator ({@link AwsEmulator#shared()}), creates a namespace for the test class and, unless
 * the class says otherwise, every registry resource in it; resolves {@link CdpResources},
 * {@link AwsClients} and {@link AwsEmulator} parameters.
 */
public final class AwsEmulatorExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace STORE =
            ExtensionContext.Namespace.create(AwsEmulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        resources(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CdpResources.class || type == AwsClients.class || type == AwsEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == CdpResources.class) {
            return resources(context);
        }
        return type == AwsClients.class ? AwsEmulator.shared().clients() : AwsEmulator.shared();
    }

    /** The test class's namespace, with its resources created once. */
    private static CdpResources resources(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent()
                        && context.getParent().isPresent()
                        && context.getTestMethod().isPresent()
                ? context.getParent().get()
                : context;
        Class<?> testClass = classContext.getRequiredTestClass();
        return classContext
                .getStore(STORE)
                .getOrComputeIfAbsent(
                        CdpResources.class,
                        key -> {
                            CdpResources names = CdpResources.forTest(testClass.getName());
                            AwsEmulatorTest settings = testClass.getAnnotation(AwsEmulatorTest.class);
                            if (settings == null || settings.bootstrap()) {
                                new ResourceBootstrap(AwsEmulator.shared().clients(), names).createAll();
                            }
                            return names;
                        },
                        CdpResources.class);
    }
}
