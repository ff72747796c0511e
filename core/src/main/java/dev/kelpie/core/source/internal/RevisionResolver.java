package dev.kelpie.core.source.internal;

import dev.kelpie.core.source.SourceException;
import dev.kelpie.core.source.UnknownRevisionException;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Resolves a revision in a mirror to a commit, in this order: {@code HEAD} (the remote's
 * default branch), a full {@code refs/...} name, a branch, a tag, a full or abbreviated
 * (4+ hex digits, unique) commit id, then a semver range over tags (highest match wins, as
 * Flux's {@code ref.semver}). Tags are peeled to their commit. Stateless.
 */
public final class RevisionResolver {
    private RevisionResolver() {
    }

    /** Whether the text is a full 40-digit commit id. */
    public static boolean isFullCommitId(String revision) {
        return revision.length() == Constants.OBJECT_ID_STRING_LENGTH && ObjectId.isId(revision);
    }

    /**
     * @throws UnknownRevisionException when nothing matches
     */
    public static ObjectId resolve(Repository repo, String name, String revision) {
        try (RevWalk rw = new RevWalk(repo)) {
            Optional<ObjectId> ref = byRef(repo, revision);
            if (ref.isPresent()) {
                return peel(rw, ref.get(), name, revision);
            }
            if (revision.length() >= 4 && revision.length() <= Constants.OBJECT_ID_STRING_LENGTH
                    && revision.matches("[0-9a-fA-F]+")) {
                Optional<ObjectId> id = byCommitId(repo, name, revision);
                if (id.isPresent()) {
                    return peel(rw, id.get(), name, revision);
                }
            }
            Optional<SemverRange> range = SemverRange.parse(revision);
            if (range.isPresent()) {
                Optional<ObjectId> tag = highestTag(repo, range.get());
                if (tag.isPresent()) {
                    return peel(rw, tag.get(), name, revision);
                }
                throw new UnknownRevisionException(name, revision, "no tag satisfies the semver range");
            }
            throw new UnknownRevisionException(name, revision, "no such branch, tag or commit");
        } catch (IOException e) {
            throw new SourceException(name + ": cannot resolve '" + revision + "': " + e.getMessage(), e);
        }
    }

    private static Optional<ObjectId> byRef(Repository repo, String revision) throws IOException {
        String[] candidates = revision.equals(Constants.HEAD)
                ? new String[] {GitMirror.REMOTE_HEAD, Constants.HEAD}
                : revision.startsWith(Constants.R_REFS)
                ? new String[] {revision}
                : new String[] {Constants.R_HEADS + revision, Constants.R_TAGS + revision};
        for (String c : candidates) {
            Ref r = repo.exactRef(c);
            if (r != null && r.getObjectId() != null) {
                return Optional.of(r.getObjectId());
            }
        }
        return Optional.empty();
    }

    private static Optional<ObjectId> byCommitId(Repository repo, String name, String revision) throws IOException {
        if (revision.length() == Constants.OBJECT_ID_STRING_LENGTH) {
            ObjectId id = ObjectId.fromString(revision);
            return repo.getObjectDatabase().has(id) ? Optional.of(id) : Optional.empty();
        }
        try (ObjectReader reader = repo.newObjectReader()) {
            Collection<ObjectId> matches = reader.resolve(AbbreviatedObjectId.fromString(revision));
            if (matches.size() > 1) {
                throw new UnknownRevisionException(name, revision, "ambiguous: " + matches.size() + " objects share this prefix");
            }
            return matches.stream().findFirst();
        }
    }

    private static Optional<ObjectId> highestTag(Repository repo, SemverRange range) throws IOException {
        SemanticVersion best = null;
        ObjectId bestId = null;
        for (Ref r : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            Optional<SemanticVersion> v = SemanticVersion.parse(r.getName().substring(Constants.R_TAGS.length()));
            if (v.isPresent() && range.test(v.get()) && (best == null || v.get().compareTo(best) > 0)) {
                best = v.get();
                bestId = r.getObjectId();
            }
        }
        return Optional.ofNullable(bestId);
    }

    private static ObjectId peel(RevWalk rw, ObjectId id, String name, String revision) throws IOException {
        try {
            RevCommit c = rw.parseCommit(id);
            return c.copy();
        } catch (IncorrectObjectTypeException e) {
            throw new UnknownRevisionException(name, revision, "names a " + "non-commit object " + id.name());
        } catch (MissingObjectException e) {
            throw new UnknownRevisionException(name, revision, "commit " + id.name() + " is not in the repository");
        }
    }
}
