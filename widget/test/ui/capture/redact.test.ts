import { expect, test } from 'vitest'
import { clampRect, keyRect, spanRect } from '../../../src/ui/capture/redact'

test('a drag in any direction spans the same rectangle', () => {
  expect(spanRect(100, 80, 20, 10)).toEqual({ x: 20, y: 10, w: 80, h: 70 })
  expect(spanRect(20, 10, 100, 80)).toEqual({ x: 20, y: 10, w: 80, h: 70 })
})

test('the selection stays inside the image and never shrinks to nothing', () => {
  expect(clampRect({ x: -30, y: 700, w: 2, h: 400 }, 1280, 720)).toEqual({ x: 0, y: 320, w: 8, h: 400 })
  expect(clampRect({ x: 10, y: 10, w: 5000, h: 50 }, 1280, 720)).toEqual({ x: 0, y: 10, w: 1280, h: 50 })
})

test('arrow keys move the frame by a fortieth of the image, Shift + arrows resize it; other keys are not ours', () => {
  const r = { x: 100, y: 100, w: 200, h: 100 }
  expect(keyRect(r, 'ArrowRight', false, 1280, 720)).toEqual({ x: 132, y: 100, w: 200, h: 100 })
  expect(keyRect(r, 'ArrowUp', false, 1280, 720)).toEqual({ x: 100, y: 68, w: 200, h: 100 })
  expect(keyRect(r, 'ArrowRight', true, 1280, 720)).toEqual({ x: 100, y: 100, w: 232, h: 100 })
  expect(keyRect(r, 'ArrowUp', true, 1280, 720)).toEqual({ x: 100, y: 100, w: 200, h: 68 })
  expect(keyRect({ x: 1270, y: 0, w: 10, h: 10 }, 'ArrowRight', false, 1280, 720)).toEqual({ x: 1270, y: 0, w: 10, h: 10 })
  expect(keyRect(r, 'a', false, 1280, 720)).toBeNull()
})
