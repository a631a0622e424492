/**
 * Descriptions for OpenAI request properties that have none anywhere in the spec (not on the property, its union
 * branches, its title or the schema it references). These fill gaps in the spec only: the build uses an entry when
 * the spec still has nothing, and reports entries it no longer needs. Keyed `Definition.property`; a property nested
 * inside a definition is keyed by that definition. Written from the OpenAI API reference and the `openai` SDK types.
 */
export const OPENAI_GAP_DESCRIPTIONS: Record<string, string> = {
  // Chat Completions
  'ChatCompletionTool.function':
    'The function the model may call: its `name`, `description` and `parameters` (a JSON Schema object).',
  'ChatCompletionNamedToolChoice.function': 'The function the model must call, named by `name`.',
  'ChatCompletionNamedToolChoiceCustom.custom': 'The custom tool the model must call, named by `name`.',
  'ChatCompletionRequestMessageContentPartImage.image_url':
    'The image: `url` (a web URL or a base64 data URL) and an optional `detail` level.',
  'ChatCompletionRequestMessageContentPartAudio.input_audio':
    'The audio input: base64-encoded `data` and its `format` (`wav` or `mp3`).',
  'ChatCompletionRequestMessageContentPartFile.file':
    'The file: an uploaded `file_id`, or `file_data` (base64) with a `filename`.',
  'ModerationConfigParam.mode': 'The moderation mode of this policy: `score` or `block`.',

  // Responses: tools
  'FunctionToolParam.name': 'The name of the function to call (1–128 characters: letters, digits, `_` and `-`).',
  'FunctionToolParam.description':
    'A description of the function, used by the model to decide whether and how to call it.',
  'FunctionToolParam.parameters': 'A JSON Schema object describing the parameters of the function.',
  'FunctionToolParam.type': 'The type of the tool. Always `function`.',
  'FunctionShellToolParam.environment':
    'Where the shell commands run: an automatically created container (`container_auto`), your local environment (`local`) or an existing container (`container_reference`).',
  'WebSearchPreviewTool.search_content_types': 'The kinds of content the search may return: `text`, `image`.',

  // Responses: input items replayed from earlier output
  'ComputerToolCall.action':
    'The action the computer-use tool call performs: `click`, `double_click`, `drag`, `keypress`, `move`, `screenshot`, `scroll`, `type` or `wait`.',
  'LocalShellToolCallOutput.call_id':
    'The `call_id` of the local shell tool call this output answers. The spec lists it as required without defining it.',
  'MCPApprovalResponse.request_id':
    'Listed as required by the spec, which does not define it (the `openai` SDK has no such field); `approval_request_id` names the approval request answered.',
  'DirectToolCallCaller.type': 'The kind of caller. Always `direct`: the model called the tool itself.',
  'ProgramToolCallCaller.type':
    'The kind of caller. Always `program`: a program item called the tool (see `caller_id`).',
  'MCPProtocolError.type': 'The type of the error. Always `mcp_protocol_error`.',
  'MCPProtocolError.code': 'The protocol error code.',
  'MCPProtocolError.message': 'The protocol error message.',
  'MCPToolExecutionError.type': 'The type of the error. Always `mcp_tool_execution_error`.',
  'MCPToolExecutionError.content': 'The content the MCP tool returned with its error.',
  'HTTPError.type': 'The type of the error. Always `http_error`.',
  'HTTPError.code': 'The HTTP status code.',
  'HTTPError.message': 'The HTTP error message.',

  // Images and videos: an input image by URL or file id (the spec describes them on the object, not in its `anyOf`)
  'ImageRefParam.image_url':
    'A fully qualified URL or base64-encoded data URL of the input image. Give either this or `file_id`.',
  'ImageRefParam.file_id': 'The File API id of an uploaded image to use as input. Give either this or `image_url`.',
  'ImageRefParam-2.file_id':
    'The File API id of an uploaded image to use as the reference. Give either this or `image_url`.',

  // Responses: log probabilities on output text
  'OutputTextContent.logprobs': 'The log probabilities of the output tokens.',
  'LogProb.token': 'A possible text token.',
  'LogProb.logprob': 'The log probability of this token.',
  'LogProb.bytes': 'The UTF-8 bytes of the token, as integers.',
  'LogProb.top_logprobs': 'The most likely tokens at this position, with their log probabilities.',
  'TopLogProb.token': 'A possible text token.',
  'TopLogProb.logprob': 'The log probability of this token.',
  'TopLogProb.bytes': 'The UTF-8 bytes of the token, as integers.',
};
