package dev.kelpie.core.render;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.yaml.YamlCodec;

/** A test renderer found through ServiceLoader: renders folders holding {@code marker.txt} from its text. */
public final class MarkerRenderer implements Renderer {
    @Override
    public String name() {
        return "marker";
    }

    @Override
    public boolean canRender(FileTree tree, String path) {
        return tree.isFile(FileTree.join(path, "marker.txt"));
    }

    @Override
    public Manifests render(FileTree tree, String path) {
        return YamlCodec.defaults().readManifests("marker.txt", tree.readString(FileTree.join(path, "marker.txt")));
    }
}
