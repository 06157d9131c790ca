// A small API for the planning tests: items (create, list, read, update, delete), orders that refer to
// items by `itemId`, users with nested orders, a link-declared resource, and one that answers only a
// Location header.
export const SHOP_YAML = `
openapi: 3.0.3
info: { title: shop, version: '1' }
paths:
  /items:
    get:
      operationId: listItems
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Item' } } } } }
    post:
      operationId: createItem
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/ItemInput' } } } }
      responses:
        '201': { description: created, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
  /items/{itemId}:
    parameters: [ { name: itemId, in: path, required: true, schema: { type: integer } } ]
    get: { operationId: getItem, responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } } } }
    patch:
      operationId: updateItem
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/ItemInput' } } } }
      responses: { '200': { description: ok } }
    delete: { operationId: deleteItem, responses: { '204': { description: gone } } }
  /orders:
    post:
      operationId: createOrder
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [itemId, quantity], properties: { itemId: { type: integer }, quantity: { type: integer, minimum: 1 } } }
      responses:
        '201': { description: created, content: { application/json: { schema: { type: object, properties: { orderId: { type: string }, itemId: { type: integer } } } } } }
  /orders/{orderId}:
    get:
      parameters: [ { name: orderId, in: path, required: true, schema: { type: string } } ]
      responses: { '200': { description: ok } }
  /users:
    post:
      requestBody: { required: true, content: { application/json: { schema: { type: object, required: [name], properties: { name: { type: string, minLength: 1, maxLength: 20 } } } } } }
      responses:
        '201': { description: created, content: { application/json: { schema: { type: object, properties: { data: { type: object, properties: { id: { type: string, format: uuid } } } } } } } }
  /users/{userId}:
    get:
      parameters: [ { name: userId, in: path, required: true, schema: { type: string } } ]
      responses: { '200': { description: ok } }
  /users/{userId}/notes:
    post:
      parameters: [ { name: userId, in: path, required: true, schema: { type: string } } ]
      requestBody: { required: true, content: { application/json: { schema: { type: object, required: [text], properties: { text: { type: string, maxLength: 50 } } } } } }
      responses:
        '201': { description: created, content: { application/json: { schema: { type: object, properties: { id: { type: integer } } } } } }
  /users/{userId}/notes/{noteId}:
    get:
      parameters:
        - { name: userId, in: path, required: true, schema: { type: string } }
        - { name: noteId, in: path, required: true, schema: { type: integer } }
      responses: { '200': { description: ok } }
  /boxes:
    post:
      operationId: createBox
      responses:
        '201':
          description: created
          content: { application/json: { schema: { type: object, properties: { ref: { type: string } } } } }
          links:
            GetBox: { operationId: getBox, parameters: { key: '$response.body#/ref' } }
  /boxes/{key}:
    get:
      operationId: getBox
      parameters: [ { name: key, in: path, required: true, schema: { type: string } } ]
      responses: { '200': { description: ok } }
  /tickets:
    post:
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } } } }
  /tickets/{ticketId}:
    get:
      parameters: [ { name: ticketId, in: path, required: true, schema: { type: string } } ]
      responses: { '200': { description: ok } }
components:
  schemas:
    ItemInput:
      type: object
      required: [name]
      properties:
        name: { type: string, minLength: 1, maxLength: 30 }
        price: { type: number, minimum: 0, maximum: 1000 }
    Item:
      type: object
      properties:
        id: { type: integer, readOnly: true }
        name: { type: string }
        price: { type: number }
`;
