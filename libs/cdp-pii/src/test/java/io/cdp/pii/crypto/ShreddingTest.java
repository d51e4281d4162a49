package io.cdp.pii.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.events.pii.Ciphertext;
import io.cdp.pii.audit.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding holds against caches and concurrency. Two {@link SubjectKeys} stacks with their own caches over
 * one store stand for two processes here (pure logic, fake clock); the same is shown with a child JVM against the
 * emulator in {@code CrossProcessErasureIT}.
 */
class ShreddingTest {

    private static final String ALICE = "cus_aliceAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final Duration REVALIDATE = Duration.ofSeconds(5);
    private static final CoreZoneCredentials CORE =
            CoreZoneCredentials.fromConfiguration("core", "shredding-test", Set.of("pii:decrypt"));

    private final FakeKeyWrapper wrapper = new FakeKeyWrapper();
    private final InMemoryDataKeyStore store = new InMemoryDataKeyStore();
    private final long[] now = {0};

    private SubjectKeys process() {
        return new SubjectKeys(
                wrapper,
                store,
                new DataKeyCache(
                        new DataKeyCache.Limits(100, Duration.ofMinutes(5), 1_000_000, REVALIDATE), () -> now[0]),
                Clock.systemUTC());
    }

    private static FieldContext name() {
        return new FieldContext("customer", ALICE, "name");
    }

    @Test
    void anotherProcessesCachedKeyStopsWorkingWithinTheRevalidationPeriodOfAnErasure() {
        SubjectKeys a = process();
        SubjectKeys b = process();
        Ciphertext ct = new FieldEncryptor(a).encrypt(ALICE, name(), "Alice Example");
        assertThat(FieldEncryptor.decrypt(b, ct, name())).isEqualTo("Alice Example");
        int unwraps = wrapper.unwraps.get();

        a.erase(ALICE);
        assertThatThrownBy(() -> FieldEncryptor.decrypt(a, ct, name())).isInstanceOf(KeyShreddedException.class);

        now[0] += REVALIDATE.toNanos();
        assertThatThrownBy(() -> FieldEncryptor.decrypt(b, ct, name())).isInstanceOf(KeyShreddedException.class);
        assertThatThrownBy(() -> new FieldEncryptor(b).encrypt(ALICE, name(), "again"))
                .isInstanceOf(SubjectErasedException.class);
        assertThat(b.cache().size()).isZero();
        assertThat(wrapper.unwraps.get()).isEqualTo(unwraps);
    }

    @Test
    void revalidatingAnActiveKeyReadsTheStoreButCallsNoKeyService() {
        SubjectKeys a = process();
        CountingStore counting = new CountingStore(store);
        SubjectKeys b = new SubjectKeys(
                wrapper,
                counting,
                new DataKeyCache(
                        new DataKeyCache.Limits(100, Duration.ofMinutes(5), 1_000_000, REVALIDATE), () -> now[0]),
                Clock.systemUTC());
        Ciphertext ct = new FieldEncryptor(a).encrypt(ALICE, name(), "Alice Example");
        FieldEncryptor.decrypt(b, ct, name());
        int unwraps = wrapper.unwraps.get();
        int reads = counting.finds.get();
        for (int i = 0; i < 1000; i++) {
            FieldEncryptor.decrypt(b, ct, name());
        }
        assertThat(counting.finds.get()).isEqualTo(reads);
        now[0] += REVALIDATE.toNanos();
        for (int i = 0; i < 1000; i++) {
            assertThat(FieldEncryptor.decrypt(b, ct, name())).isEqualTo("Alice Example");
        }
        assertThat(counting.finds.get()).isEqualTo(reads + 1);
        assertThat(wrapper.unwraps.get()).isEqualTo(unwraps);
    }

    @Test
    void aLoadThatReadTheKeyJustBeforeAnErasureCannotCacheItAfterwards() throws Exception {
        SubjectKeys writer = process();
        Ciphertext ct = new FieldEncryptor(writer).encrypt(ALICE, name(), "Alice Example");
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch erased = new CountDownLatch(1);
        PausingStore pausing = new PausingStore(store, read, erased);
        SubjectKeys keys = new SubjectKeys(
                wrapper,
                pausing,
                new DataKeyCache(
                        new DataKeyCache.Limits(100, Duration.ofMinutes(5), 1_000_000, REVALIDATE), () -> now[0]),
                Clock.systemUTC());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // the load reads the active key, then waits while the erasure runs in this same process
            Future<String> racing = pool.submit(() -> FieldEncryptor.decrypt(keys, ct, name()));
            assertThat(read.await(5, TimeUnit.SECONDS)).isTrue();
            pausing.pause.set(false);
            keys.erase(ALICE);
            erased.countDown();
            assertThat(racing.get(5, TimeUnit.SECONDS)).isEqualTo("Alice Example");
        } finally {
            pool.shutdownNow();
        }
        assertThat(keys.cache().size()).isZero();
        assertThatThrownBy(() -> FieldEncryptor.decrypt(keys, ct, name())).isInstanceOf(KeyShreddedException.class);
    }

    @Test
    void erasureRacingFirstEncryptionsAlwaysEndsErasedAndRefusesEveryLaterEncryption() throws Exception {
        for (int round = 0; round < 20; round++) {
            String subject = "cus_race" + round;
            List<SubjectKeys> processes = List.of(process(), process(), process(), process());
            // the eraser is one of the processes: in its own process the erasure must hold at once
            SubjectKeys eraser = processes.getFirst();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean erasedDone = new AtomicBoolean();
            AtomicInteger afterErasure = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (SubjectKeys p : processes) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        boolean erasedBefore = erasedDone.get();
                        try {
                            new FieldEncryptor(p).encrypt(subject, new FieldContext("customer", subject, "name"), "x");
                            if (erasedBefore && p == eraser) {
                                afterErasure.incrementAndGet();
                            }
                        } catch (SubjectErasedException expected) {
                            // the erasure won
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            eraser.erase(subject);
            erasedDone.set(true);
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(store.find(subject))
                    .hasValueSatisfying(k -> assertThat(k.erased()).isTrue());
            assertThat(afterErasure.get())
                    .as("encryptions in the erasing process after it erased")
                    .isZero();
            // racing first encryptions may each generate a key, but only one is stored and the losers use it: at
            // most one generation per process and subject (a loop of replacements would exceed it)
            assertThat(wrapper.generates.get())
                    .as("at most one key generated per process and subject")
                    .isLessThanOrEqualTo(processes.size() * (round + 1));
            now[0] += REVALIDATE.toNanos();
            for (SubjectKeys p : processes) {
                assertThatThrownBy(() -> new FieldEncryptor(p)
                                .encrypt(subject, new FieldContext("customer", subject, "name"), "late"))
                        .isInstanceOf(SubjectErasedException.class);
            }
        }
    }

    @Test
    void rotationNeverBringsBackAKeyErasedBetweenItsScanAndItsWrite() {
        SubjectKeys keys = process();
        new FieldEncryptor(keys).encrypt(ALICE, name(), "Alice Example");
        String next = wrapper.addMaster("master-2");
        DataKeyStore erasingDuringScan = new DelegatingStore(store) {
            @Override
            public void forEach(Consumer<StoredKey> action) {
                List<StoredKey> snapshot = new ArrayList<>();
                store.forEach(snapshot::add);
                store.erase(ALICE, Instant.now());
                snapshot.forEach(action);
            }
        };
        SubjectKeys rotating = new SubjectKeys(
                wrapper, erasingDuringScan, new DataKeyCache(DataKeyCache.Limits.DEFAULT), Clock.systemUTC());
        assertThat(rotating.rewrapAll(next)).isZero();
        assertThat(store.find(ALICE).orElseThrow().erased()).isTrue();
    }

    @Test
    void aCiphertextOfASubjectThatNeverHadAKeyIsUnknownNotShredded() {
        SubjectKeys keys = process();
        Ciphertext other = new FieldEncryptor(keys).encrypt(ALICE, name(), "Alice Example");
        Ciphertext forged = new Ciphertext(other.value().replace(ALICE, "cus_nobody"));
        PiiDecryptor decryptor = new PiiDecryptor(CORE, keys, r -> {}, Clock.systemUTC());
        assertThatThrownBy(() -> decryptor.decrypt(
                        forged, new FieldContext("customer", "cus_nobody", "name"), "op", Purpose.CUSTOMER_CONTACT))
                .isInstanceOf(UnknownSubjectException.class);
    }

    private static class DelegatingStore implements DataKeyStore {
        final DataKeyStore store;

        DelegatingStore(DataKeyStore store) {
            this.store = store;
        }

        @Override
        public Optional<StoredKey> find(String keyRef) {
            return store.find(keyRef);
        }

        @Override
        public boolean putIfAbsent(StoredKey key) {
            return store.putIfAbsent(key);
        }

        @Override
        public boolean replaceWrapped(String keyRef, byte[] wrapped, String masterKeyId) {
            return store.replaceWrapped(keyRef, wrapped, masterKeyId);
        }

        @Override
        public void erase(String keyRef, Instant at) {
            store.erase(keyRef, at);
        }

        @Override
        public void forEach(Consumer<StoredKey> action) {
            store.forEach(action);
        }
    }

    private static final class CountingStore extends DelegatingStore {
        final AtomicInteger finds = new AtomicInteger();

        CountingStore(DataKeyStore store) {
            super(store);
        }

        @Override
        public Optional<StoredKey> find(String keyRef) {
            finds.incrementAndGet();
            return super.find(keyRef);
        }
    }

    /** Holds the first read after it returned, until the test has erased the subject. */
    private static final class PausingStore extends DelegatingStore {
        final AtomicBoolean pause = new AtomicBoolean(true);
        final CountDownLatch read;
        final CountDownLatch release;

        PausingStore(DataKeyStore store, CountDownLatch read, CountDownLatch release) {
            super(store);
            this.read = read;
            this.release = release;
        }

        @Override
        public Optional<StoredKey> find(String keyRef) {
            Optional<StoredKey> found = super.find(keyRef);
            if (pause.get()) {
                read.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return found;
        }
    }
}
