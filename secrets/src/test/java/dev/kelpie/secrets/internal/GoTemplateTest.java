package dev.kelpie.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GoTemplateTest {
    private static final Map<String, String> V = Map.of("user", "admin", "pw", "a\"<b>&\n", "tls.crt", "CERT");

    @Test
    void literalTextRendersVerbatim() throws Exception {
        assertThat(GoTemplate.render("literal, no actions\n", V)).isEqualTo("literal, no actions\n");
    }

    @Test
    void fieldsIndexAndPipelines() throws Exception {
        assertThat(GoTemplate.render("u={{ .user }} c={{ index . \"tls.crt\" }} q={{ .user | quote }}", V))
                .isEqualTo("u=admin c=CERT q=\"admin\"");
        assertThat(GoTemplate.render("{{ toJson .pw }}", V)).isEqualTo("\"a\\\"\\u003cb\\u003e\\u0026\\n\"");
        assertThat(GoTemplate.render("{{ .user | upper | b64enc }}", V)).isEqualTo("QURNSU4=");
        assertThat(GoTemplate.render("{{ .missing }}|{{ index . \"missing\" }}", V)).isEqualTo("<no value>|");
    }

    @Test
    void trimMarkersAndComments() throws Exception {
        assertThat(GoTemplate.render("a  {{- .user -}}  b{{/* note */}}", V)).isEqualTo("aadminb");
    }

    @Test
    void unsupportedActionsAreRefusedNotHalfRendered() {
        assertThatThrownBy(() -> GoTemplate.render("{{ range . }}x{{ end }}", V)).isInstanceOf(GoTemplate.TemplateException.class);
        assertThatThrownBy(() -> GoTemplate.render("{{ env \"HOME\" }}", V)).isInstanceOf(GoTemplate.TemplateException.class);
        assertThatThrownBy(() -> GoTemplate.render("{{ .user ", V)).isInstanceOf(GoTemplate.TemplateException.class);
    }
}
