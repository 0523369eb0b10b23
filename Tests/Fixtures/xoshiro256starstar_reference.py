#!/usr/bin/env python3
"""Reference outputs for Tests/SimulationTests/XoshiroTests.swift.

An independent restatement, in Python's unbounded integers, of Vigna's reference C code
(prng.di.unimi.it): splitmix64.c (seeding), xoshiro256starstar.c next() and jump() with the
published jump polynomial. For state {0, 0, 0, 1} its output equals the output of the C reference
code published in github.com/DSCF-1224/xoshiro-fortran (reference/xoshiro256starstar/README.md).

Run: python3 Tests/Fixtures/xoshiro256starstar_reference.py
"""

MASK = (1 << 64) - 1
JUMP = [0x180EC6D33CFD0ABA, 0xD5A61266F0C9392C, 0xA9582618E03FC9AA, 0x39ABDC4529B1661C]


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def next_output(s):
    result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
    t = (s[1] << 17) & MASK
    s[2] ^= s[0]
    s[3] ^= s[1]
    s[1] ^= s[2]
    s[0] ^= s[3]
    s[2] ^= t
    s[3] = rotl(s[3], 45)
    return result


def jump(s):
    t = [0, 0, 0, 0]
    for word in JUMP:
        for bit in range(64):
            if word & (1 << bit):
                t = [a ^ b for a, b in zip(t, s)]
            next_output(s)
    s[:] = t


def splitmix64(seed, count):
    x, out = seed, []
    for _ in range(count):
        x = (x + 0x9E3779B97F4A7C15) & MASK
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        out.append(z ^ (z >> 31))
    return out


def swift(v):
    h = "%016X" % v
    return "0x" + "_".join(h[i : i + 4] for i in range(0, 16, 4))


def outputs(state, count=4):
    copy = list(state)
    return [swift(next_output(copy)) for _ in range(count)]


def show(label, state, jumps):
    s = list(state)
    print(label, "plain outputs:", outputs(s))
    for j in range(1, jumps + 1):
        jump(s)
        print(f"  after {j} jump(s): state", [swift(v) for v in s])
        print("    outputs", outputs(s))


show("state {0, 0, 0, 1}", [0, 0, 0, 1], 2)
show("state {1, 2, 3, 4}", [1, 2, 3, 4], 2)
seeded = splitmix64(5, 4)
print("seed 5: state", [swift(v) for v in seeded])
show("seed 5", seeded, 1)
