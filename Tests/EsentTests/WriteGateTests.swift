import Dispatch
import Glibc
import Testing

@testable import EsentCore

/// The write gate alone (Core/WriteGate.swift): membership, flags, and waits that end when the gate opens or
/// the instance leaves its session.
struct WriteGateTests {
    @Test func joinsOneSessionAtATime() {
        let gate = WriteGate()
        #expect(gate.join(1))
        #expect(!gate.join(2))
        #expect(gate.isMember(of: 1))
        gate.leave(2)
        #expect(gate.isMember(of: 1))
        gate.leave(1)
        #expect(gate.sessionID == 0)
        #expect(gate.join(2))
    }

    @Test func flagsAndClosingBelongToTheMembersSession() {
        let gate = WriteGate()
        #expect(gate.join(3))
        gate.setBackupHeld(true, by: 4)
        gate.close(by: 4)
        #expect(!gate.holdsBackup && gate.isOpen)
        gate.setBackupHeld(true, by: 3)
        gate.close(by: 3)
        #expect(gate.holdsBackup && !gate.isOpen)
        gate.open()
        #expect(gate.holdsBackup && gate.isOpen)
        gate.leave(nil)
        #expect(!gate.holdsBackup && gate.isOpen && gate.sessionID == 0)
    }

    @Test func aWaitingWriterResumesWhenTheGateOpens() {
        let gate = WriteGate()
        #expect(gate.join(1))
        gate.close(by: 1)
        let resumed = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            gate.waitWhileFrozen()
            resumed.signal()
        }
        #expect(resumed.wait(timeout: .now() + .milliseconds(200)) == .timedOut)
        gate.open()
        #expect(resumed.wait(timeout: .now() + .seconds(10)) == .success)
    }

    @Test func waitingForTheSessionEndsOnLeaveOrTimeout() {
        let gate = WriteGate()
        #expect(gate.join(1))
        let start = Deadline(milliseconds: 0)
        #expect(!gate.waitForNoSession(milliseconds: 100))
        #expect(Deadline(milliseconds: 0).nanoseconds - start.nanoseconds >= 90_000_000)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) { gate.leave(1) }
        #expect(gate.waitForNoSession(milliseconds: 10_000))
    }

    @Test func deadlinesClampHugeTimeouts() {
        let far = Deadline(milliseconds: UInt.max)
        #expect(!far.hasPassed)
        #expect(Deadline(milliseconds: 0).hasPassed)
    }
}
