package dev.unibar.ui;

import dev.unibar.screenpop.PictureFetch;
import javafx.application.Platform;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.AccessibleRole;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

import java.io.ByteArrayInputStream;

/**
 * The customer's picture from a lookup, in a square of fixed size whether a picture shows or not, so nothing
 * moves when it arrives. Fetched and decoded off the FX thread; a picture that fails shows nothing.
 */
final class CustomerPicture extends StackPane {

    /** Where the picture is: none asked, on its way, shown, or failed (and nothing shows). */
    enum Status { NONE, LOADING, SHOWN, FAILED }

    /**
     * The last few pictures asked for, shared by the card and the pop-up so that one call's picture is fetched
     * (and a failure logged) once. Touched on the FX thread only.
     */
    private static final java.util.Map<String, java.util.concurrent.CompletableFuture<Image>> RECENT =
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, java.util.concurrent.CompletableFuture<Image>> e) {
                    return size() > 8;
                }
            };

    private final ImageView view = new ImageView();
    private final javafx.beans.property.ReadOnlyObjectWrapper<Status> status =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "status", Status.NONE);
    /** Counts addresses: a picture that arrives after the address changed is dropped. */
    private long generation;

    CustomerPicture(String id, double size, ObservableStringValue address, ObservableStringValue name, Messages msg) {
        setId(id);
        getStyleClass().add("customer-picture");
        setMinSize(size, size);
        setPrefSize(size, size);
        setMaxSize(size, size);
        view.setId(id + "Image");
        view.setFitWidth(size);
        view.setFitHeight(size);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        Rectangle clip = new Rectangle(size, size);
        clip.setArcWidth(size / 3);
        clip.setArcHeight(size / 3);
        view.setClip(clip);
        view.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        view.accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> msg.format("call.picture", name.get() == null ? "" : name.get()), name));
        getChildren().add(view);
        address.addListener((o, a, b) -> load(b));
        load(address.get());
    }

    private void load(String address) {
        long mine = ++generation;
        view.setImage(null);
        if (address == null || address.isBlank()) {
            status.set(Status.NONE);
            return;
        }
        status.set(Status.LOADING);
        RECENT.computeIfAbsent(address, a -> PictureFetch.fetch(a).thenApply(CustomerPicture::decode))
                .thenAccept(img -> Platform.runLater(() -> {
            if (mine != generation) return;
            view.setImage(img);
            status.set(img == null ? Status.FAILED : Status.SHOWN);
        }));
    }

    /** Decodes on the fetching thread; bytes that are no picture give null. */
    private static Image decode(byte[] bytes) {
        if (bytes == null) return null;
        Image img = new Image(new ByteArrayInputStream(bytes));
        if (img.isError() || img.getWidth() <= 0) {
            System.getLogger(CustomerPicture.class.getName()).log(System.Logger.Level.WARNING,
                    "customer picture not shown: the answer is no picture");
            return null;
        }
        return img;
    }

    javafx.beans.property.ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }
}
