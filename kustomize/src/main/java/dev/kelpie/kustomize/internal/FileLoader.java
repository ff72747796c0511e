package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.PathEscapeException;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.core.yaml.YamlDocument;
import dev.kelpie.core.yaml.YamlException;
import dev.kelpie.kustomize.KustomizeException;
import dev.kelpie.kustomize.LoadRestrictionException;
import dev.kelpie.kustomize.LoadRestrictor;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the files one kustomization refers to, relative to its directory, enforcing the load
 * restrictor. Immutable.
 *
 * @param remotes the remote repositories of the build (fetched or refused)
 * @param remote the remote entry {@code tree} was fetched for, or null for the caller's tree
 */
record FileLoader(FileTree tree, String root, LoadRestrictor restrictor, RemoteRepos remotes, RemoteSpec remote) {

    FileLoader forDirectory(String dir) {
        return new FileLoader(tree, dir, restrictor, remotes, remote);
    }

    /** A loader at directory {@code dir} of another (remote) tree. */
    FileLoader forRemote(FileTree remoteTree, String dir, RemoteSpec spec) {
        return new FileLoader(remoteTree, dir, restrictor, remotes, spec);
    }

    /** A key naming a path of this tree uniquely within a build. */
    String key(String path) {
        return remote == null ? path : remote.repoUrl() + "@" + remote.ref() + "//" + path;
    }

    /** The tree path of a file named relative to this root. */
    String resolve(String relative) {
        if (relative.startsWith("/")) {
            throw new KustomizeException("'" + relative + "': absolute paths are not allowed in a file tree");
        }
        try {
            return FileTree.join(root, relative);
        } catch (PathEscapeException e) {
            throw new KustomizeException("'" + relative + "' leaves the file tree " + tree.describe(), e);
        }
    }

    String resolveFile(String relative) {
        String p = resolve(relative);
        if (restrictor == LoadRestrictor.ROOT_ONLY && !inRoot(p)) {
            throw new LoadRestrictionException(p, KustomizationFile.display(root));
        }
        return p;
    }

    private boolean inRoot(String p) {
        return root.isEmpty() || p.equals(root) || p.startsWith(root + "/");
    }

    String readString(String relative) {
        String p = resolveFile(relative);
        if (!tree.isFile(p)) {
            throw new KustomizeException("file '" + p + "' doesn't exist");
        }
        return tree.readString(p);
    }

    byte[] readBytes(String relative) {
        String p = resolveFile(relative);
        if (!tree.isFile(p)) {
            throw new KustomizeException("file '" + p + "' doesn't exist");
        }
        return tree.read(p);
    }

    /** The objects of a YAML stream, Lists flattened. */
    static List<ObjectNode> objects(String file, String text) {
        List<YamlDocument> docs;
        try {
            docs = YamlCodec.defaults().readDocuments(file, text);
        } catch (YamlException e) {
            throw new KustomizeException(e.getMessage(), e);
        }
        List<ObjectNode> out = new ArrayList<>();
        for (YamlDocument d : docs) {
            flatten(file, d.tree(), out);
        }
        return out;
    }

    private static void flatten(String file, JsonNode n, List<ObjectNode> out) {
        if (n == null || n.isNull()) {
            return;
        }
        if (!n.isObject()) {
            throw new KustomizeException(file + ": expected a mapping, got " + n.getNodeType().toString().toLowerCase());
        }
        String kind = n.path("kind").asText("");
        if (kind.endsWith("List") && n.has("items") && n.get("items").isArray()) {
            for (JsonNode item : n.get("items")) {
                flatten(file, item, out);
            }
            return;
        }
        out.add((ObjectNode) n);
    }
}
