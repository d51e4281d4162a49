package io.cdp.pii.crypto;

import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A KMS stand-in for unit tests: master keys in memory, wrapping with AES-GCM and the key reference as context. */
final class FakeKeyWrapper implements KeyWrapper {

    final AtomicInteger generates = new AtomicInteger();
    final AtomicInteger unwraps = new AtomicInteger();
    private final Map<String, AesGcmJce> masters = new HashMap<>();
    private final Map<String, String> wrappedBy = new HashMap<>();
    private String current;

    FakeKeyWrapper() {
        this.current = addMaster("master-1");
    }

    synchronized String addMaster(String id) {
        try {
            masters.put(id, new AesGcmJce(Random.randBytes(32)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    @Override
    public synchronized NewDataKey generate(String keyRef) {
        generates.incrementAndGet();
        byte[] plain = Random.randBytes(32);
        return new NewDataKey(plain.clone(), wrap(current, keyRef, plain), current);
    }

    @Override
    public synchronized byte[] unwrap(String keyRef, byte[] wrapped) {
        unwraps.incrementAndGet();
        String master = new String(wrapped, 0, 8, StandardCharsets.US_ASCII);
        try {
            return masters.get(master)
                    .decrypt(
                            java.util.Arrays.copyOfRange(wrapped, 8, wrapped.length),
                            keyRef.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unwrap failed", e);
        }
    }

    @Override
    public synchronized byte[] rewrap(String keyRef, byte[] wrapped, String newMasterKeyId) {
        byte[] plain = unwrap(keyRef, wrapped);
        return wrap(newMasterKeyId, keyRef, plain);
    }

    synchronized void forgetMaster(String id) {
        masters.remove(id);
    }

    private byte[] wrap(String master, String keyRef, byte[] plain) {
        try {
            byte[] sealed = masters.get(master).encrypt(plain, keyRef.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[8 + sealed.length];
            System.arraycopy(
                    String.format("%-8s", master).substring(0, 8).getBytes(StandardCharsets.US_ASCII), 0, out, 0, 8);
            System.arraycopy(sealed, 0, out, 8, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
