// Express 4 and Fastify 4 are installed under aliases, to run the adapter suites against
// both majors; their runtime API is what the tests use, typed as the current major.
declare module 'express4' {
  import express from 'express'
  export default express
}

declare module 'fastify4' {
  import Fastify from 'fastify'
  export default Fastify
}
