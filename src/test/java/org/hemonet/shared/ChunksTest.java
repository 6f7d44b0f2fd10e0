package org.hemonet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunksTest {

    @Test
    void piecesKeepTheOrderAndEveryItemOnce() {
        List<Integer> items = IntStream.range(0, 501).boxed().toList();
        List<List<Integer>> pieces = Chunks.of(items, 250);
        assertThat(pieces).extracting(List::size).containsExactly(250, 250, 1);
        assertThat(pieces.stream().flatMap(List::stream).toList()).isEqualTo(items);
        assertThat(Chunks.of(items.subList(0, 500), 250)).extracting(List::size).containsExactly(250, 250);
        assertThat(Chunks.of(List.of(), 250)).isEmpty();
        assertThat(Chunks.of(List.of("a"), 1)).containsExactly(List.of("a"));
        assertThatThrownBy(() -> Chunks.of(items, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
