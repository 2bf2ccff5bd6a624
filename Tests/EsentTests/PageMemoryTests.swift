import Glibc
import Testing

@testable import EsentCore

/// Page buffers in guarded mode (ESENT_PAGE_MEMORY=guarded, or under ASan or valgrind): each page is a heap block
/// of its own, so a write past its end reaches the tools' red zone instead of the next page of a slab.
@Suite struct PageMemoryTests {
    @Test func guardedModeGivesEachPageItsOwnAllocationAndFreesItOnRelease() throws {
        let memory = PageMemory(guarded: true)
        let pageSize = 4096
        let first = try #require(memory.take(pageSize))
        let second = try #require(memory.take(pageSize))
        #expect(memory.guardedTaken.load(ordering: .relaxed) == 2)
        #expect(memory.guardedFreed.load(ordering: .relaxed) == 0)
        // Two heap blocks, 64-byte aligned: malloc puts its header between them, where a slab's pages sit exactly one
        // page apart (the slab test below). Giving them back frees them (free would abort on a slab's page).
        for buffer in [first, second] { #expect(UInt(bitPattern: buffer) % 64 == 0) }
        let (low, high) = first < second ? (first, second) : (second, first)
        #expect(low.distance(to: high) > pageSize)
        memory.give(first, size: pageSize)
        #expect(memory.guardedFreed.load(ordering: .relaxed) == 1)
        memory.give(second, size: pageSize)
        #expect(memory.guardedTaken.load(ordering: .relaxed) == 2)
        #expect(memory.guardedFreed.load(ordering: .relaxed) == 2)
    }

    @Test func slabModeCarvesNeighbouringPagesFromOneBlockAndCountsNothing() throws {
        let memory = PageMemory(guarded: false)
        let pageSize = 4096
        let first = try #require(memory.take(pageSize))
        let second = try #require(memory.take(pageSize))
        // A fresh slab hands out its pages from the start, one after another.
        #expect(first.distance(to: second) == pageSize)
        memory.give(second, size: pageSize)
        memory.give(first, size: pageSize)
        #expect(memory.guardedTaken.load(ordering: .relaxed) == 0)
        #expect(memory.guardedFreed.load(ordering: .relaxed) == 0)
    }
}
