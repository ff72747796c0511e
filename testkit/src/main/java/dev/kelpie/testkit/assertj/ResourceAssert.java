package dev.kelpie.testkit.assertj;

import dev.kelpie.core.model.Resource;

/** Assertions on one {@link Resource}. Not thread-safe. */
public final class ResourceAssert extends AbstractResourceAssert<ResourceAssert> {
    public ResourceAssert(Resource actual) {
        super(actual, ResourceAssert.class);
    }
}
