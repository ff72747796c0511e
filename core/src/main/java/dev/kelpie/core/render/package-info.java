/**
 * API and SPI for rendering: the {@link dev.kelpie.core.render.Renderer} SPI (kustomize implements it in its own module, found through ServiceLoader), the {@link dev.kelpie.core.render.DirectoryRenderer} and the {@link dev.kelpie.core.render.RenderPipeline}.
 */
package dev.kelpie.core.render;
