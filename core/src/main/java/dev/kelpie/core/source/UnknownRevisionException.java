package dev.kelpie.core.source;

/** A revision (branch, tag, commit, semver range) names nothing in the repository. */
public class UnknownRevisionException extends SourceException {
    private static final long serialVersionUID = 1L;
    private final String revision;

    public UnknownRevisionException(String repository, String revision, String hint) {
        super(repository + ": unknown revision '" + revision + "'" + (hint.isEmpty() ? "" : " (" + hint + ")"));
        this.revision = revision;
    }

    /** The revision as the caller gave it. */
    public String revision() {
        return revision;
    }
}
