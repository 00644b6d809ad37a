package dev.unibar.vendor;

import dev.unibar.vendor.epbx.EpbxMapper;
import dev.unibar.vendor.ucs.UcsMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one registry of vendor mappers, by CONTRACT vendor id. The translate command and the live bar both
 * look mappers up here, so a vendor added here is supported everywhere at once.
 */
public final class Mappers {

    private static final Map<String, Supplier<VendorMapper>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put(UcsMapper.VENDOR, UcsMapper::new);
        REGISTRY.put(EpbxMapper.VENDOR, EpbxMapper::new);
    }

    private Mappers() {
    }

    /** A fresh mapper (mappers may keep per-session state), or empty for an unknown or unsupported id. */
    public static Optional<VendorMapper> create(String vendor) {
        Supplier<VendorMapper> s = vendor == null ? null : REGISTRY.get(vendor);
        return s == null ? Optional.empty() : Optional.of(s.get());
    }

    /** The vendor ids that have a mapper, in registration order. */
    public static Set<String> supported() {
        return java.util.Collections.unmodifiableSet(REGISTRY.keySet());
    }
}
