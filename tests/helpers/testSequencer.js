import Sequencer from '@jest/test-sequencer'

/** Suites that serve the production build (tests/helpers/appServer.ts builds it once per sources). */
const needsBuild = (testPath) => /[\\/]tests[\\/](browser|cluster)[\\/]/.test(testPath)

/**
 * Jest's order (slowest or largest first), except that only one suite needing the
 * production build starts at once: it builds (minutes on two cores) while the other
 * worker runs the integration suites, and the other build suites come last, when the
 * build is there. With jest's own order two of them started together and one worker sat
 * waiting for the other's build for most of its length.
 */
export default class BuildFirstSequencer extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests)
    const building = ordered.filter((test) => needsBuild(test.path))
    if (building.length < 2) {
      return ordered
    }
    const [first, ...later] = building
    return [first, ...ordered.filter((test) => !needsBuild(test.path)), ...later]
  }
}
